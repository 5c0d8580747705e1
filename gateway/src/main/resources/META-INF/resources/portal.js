// The portal's start page: who is logged in (from the gateway's /session; no token ever reaches
// this page) and the language switch, Dutch by default.
"use strict";

const TEXT = {
  nl: {
    skip: "Naar de inhoud", brand: "Integriteitsplatform Politie en KMar", switch: "English",
    title: "Melden na uitdiensttreding", login: "Inloggen", logout: "Uitloggen", signedInAs: "Ingelogd als",
    intro: "Oud-medewerkers melden hier een nieuwe werkgever of activiteit; integriteitsbureaus beoordelen de meldingen.",
    failed: "Het portaal is nu niet bereikbaar. Probeer het later opnieuw."
  },
  en: {
    skip: "Skip to content", brand: "Integrity platform of Politie and KMar", switch: "Nederlands",
    title: "Declaring after leaving", login: "Log in", logout: "Log out", signedInAs: "Logged in as",
    intro: "Former employees declare a new employer or activity here; integrity offices review the declarations.",
    failed: "The portal cannot be reached now. Please try again later."
  }
};

function language() {
  return localStorage.getItem("integrity.lang") === "en" ? "en" : "nl";
}

function translate() {
  const lang = language();
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-t]").forEach(el => { el.textContent = TEXT[lang][el.dataset.t]; });
  document.getElementById("lang").setAttribute("aria-pressed", String(lang === "en"));
  document.title = TEXT[lang].brand;
}

async function showSession() {
  try {
    const response = await fetch("/session", { headers: { Accept: "application/json" } });
    if (response.status === 401) {
      document.getElementById("anonymous").hidden = false;
      return;
    }
    const session = await response.json();
    // textContent, never innerHTML: names are shown as text, whatever they contain.
    document.getElementById("who").textContent = `${session.name || session.username} (${session.organisation || "-"})`;
    document.getElementById("signed-in").hidden = false;
  } catch (e) {
    document.getElementById("status").textContent = TEXT[language()].failed;
  }
}

document.getElementById("lang").addEventListener("click", () => {
  localStorage.setItem("integrity.lang", language() === "en" ? "nl" : "en");
  translate();
});
translate();
showSession();
