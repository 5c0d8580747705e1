// The portal's start page: log in, or go on to the pages of one's role.
import { startPage, t } from "/portal.js";

const TEXT = {
  nl: {
    title: "Melden na uitdiensttreding",
    intro: "Oud-medewerkers melden hier een nieuwe werkgever of activiteit; integriteitsbureaus beoordelen de meldingen.",
    alumnusPages: "Mijn gegevens en meldingen", officePages: "Signalen en te beoordelen meldingen",
    adminPages: "Beheer: webhooks, afleverlog, risicoregels, functiecatalogus"
  },
  en: {
    title: "Declaring after leaving",
    intro: "Former employees declare a new employer or activity here; integrity offices review the declarations.",
    alumnusPages: "My record and declarations"
  }
};

try {
  const session = await startPage(TEXT);
  if (!session) {
    document.getElementById("anonymous").hidden = false;
  } else {
    document.getElementById("who").textContent = `${session.name || session.username} (${session.organisation || "-"})`;
    document.getElementById("signed-in").hidden = false;
    document.getElementById("alumnus-link").hidden = !session.roles.includes("alumnus");
    document.getElementById("office-link").hidden = !session.roles.includes("integrity-officer");
    document.getElementById("admin-link").hidden = !session.roles.includes("integrity-admin");
  }
} catch (e) {
  document.getElementById("status").textContent = t("failed");
}
