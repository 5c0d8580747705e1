// Alumni search for officers, within their own organisation. Opening a record asks why: each read
// is written to the record's audit trail with that purpose (purpose limitation, AVG art. 5).
import { announce, api, date, el, startPage, t } from "/portal.js";

const PURPOSES = ["DECLARATION_REVIEW", "ALERT_FOLLOW_UP", "EXIT_INTERVIEW", "OBLIGATION_MONITORING",
  "DATA_SUBJECT_REQUEST", "AUDIT"];

const TEXT = {
  nl: {
    back: "Terug naar signalen en meldingen", title: "Alumni zoeken", name: "Naam", personnelNumber: "Personeelsnummer",
    status: "Stand", any: "Alle", LEAVING: "Vertrekt", DEPARTED: "Uit dienst", windowActive: "Alleen met lopende meldplicht",
    find: "Zoeken", results: "Gevonden alumni", lastFunction: "Laatste functie", windowEnd: "Meldplicht tot", open: "Inzien",
    purpose: "Doel van inzage", view: "Inzien", record: "Dossier", none: "Niemand gevonden.", found: "{n} gevonden{more}.",
    more: " (er zijn er meer; verfijn de zoekvraag)", logged: "Deze inzage is vastgelegd met doel: {purpose}.",
    departureDate: "Datum uit dienst", departureReason: "Reden van vertrek", unit: "Eenheid", email: "E-mail", functions: "Functies",
    DECLARATION_REVIEW: "Beoordeling melding", ALERT_FOLLOW_UP: "Opvolging signaal", EXIT_INTERVIEW: "Exitgesprek",
    OBLIGATION_MONITORING: "Toezicht meldplicht", DATA_SUBJECT_REQUEST: "Verzoek betrokkene", AUDIT: "Controle"
  },
  en: {
    back: "Back to alerts and declarations", title: "Find alumni", name: "Name", personnelNumber: "Personnel number",
    status: "State", any: "All", LEAVING: "Leaving", DEPARTED: "Departed", windowActive: "Only with a running duty to declare",
    find: "Search", results: "Alumni found", lastFunction: "Last function", windowEnd: "Duty until", open: "Open",
    purpose: "Purpose of access", view: "Open", record: "Record", none: "Nobody found.", found: "{n} found{more}.",
    more: " (there are more; narrow the search)", logged: "This access was recorded with purpose: {purpose}.",
    departureDate: "Date of leaving", departureReason: "Reason for leaving", unit: "Unit", email: "E-mail", functions: "Functions",
    DECLARATION_REVIEW: "Declaration review", ALERT_FOLLOW_UP: "Alert follow-up", EXIT_INTERVIEW: "Exit interview",
    OBLIGATION_MONITORING: "Obligation monitoring", DATA_SUBJECT_REQUEST: "Data subject request", AUDIT: "Audit"
  }
};

const status = document.getElementById("status");
let results = null;

function draw() {
  if (!results) {
    return;
  }
  document.getElementById("results").replaceChildren(...results.items.map(a => {
    const tr = el("tr");
    const open = el("td");
    const select = el("select", null, { id: "purpose-" + a.id, "aria-label": t("purpose") });
    PURPOSES.forEach(p => select.append(el("option", t(p), { value: p })));
    const button = el("button", t("view"), { type: "button", class: "small" });
    button.addEventListener("click", () => openRecord(a.id, select.value));
    open.append(select, document.createTextNode(" "), button);
    tr.append(el("td", a.fullName), el("td", a.personnelNumber), el("td", t(a.status)), el("td", a.lastFunction ?? "—"),
      el("td", date(a.windowEnd)), open);
    return tr;
  }));
}

async function search(event) {
  event?.preventDefault();
  const params = new URLSearchParams();
  ["name", "personnelNumber"].forEach(f => { const v = document.getElementById(f).value.trim(); if (v) params.set(f, v); });
  const state = document.getElementById("status-filter").value;
  if (state) params.set("status", state);
  if (document.getElementById("windowActive").checked) params.set("windowActive", "true");
  try {
    results = await api("GET", "/api/alumni?" + params);
    draw();
    announce(status, results.items.length === 0 ? t("none")
      : t("found").replace("{n}", results.items.length).replace("{more}", results.hasMore ? t("more") : ""));
  } catch (e) {
    announce(status, `${t("problem")}: ${e.message}`, "problem");
  }
}

async function openRecord(id, purpose) {
  try {
    const a = await api("GET", `/api/alumni/${encodeURIComponent(id)}?purpose=${encodeURIComponent(purpose)}`);
    const dl = document.getElementById("record");
    dl.replaceChildren();
    [["name", a.fullName], ["personnelNumber", a.personnelNumber], ["status", t(a.status)], ["unit", a.unit],
     ["departureDate", date(a.departureDate)], ["departureReason", a.departureReason], ["email", a.email],
     ["functions", a.functions.map(f => f.functionCode).join(", ")],
     ["windowEnd", a.obligationWindow ? date(a.obligationWindow.end) : "—"]]
      .forEach(([key, value]) => dl.append(el("dt", t(key)), el("dd", value ?? "—")));
    document.getElementById("logged").textContent = t("logged").replace("{purpose}", t(purpose));
    document.getElementById("record-section").hidden = false;
    document.getElementById("record-heading").scrollIntoView();
  } catch (e) {
    announce(status, `${t("problem")}: ${e.message}`, "problem");
  }
}

document.getElementById("search").addEventListener("submit", search);

try {
  if (!await startPage(TEXT, draw)) {
    location.assign("/login");
  }
} catch (e) {
  announce(status, t("failed"), "problem");
}
