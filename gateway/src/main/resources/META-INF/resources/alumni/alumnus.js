// The alumnus' own page: record, duty to declare (window and conditions in force), declarations,
// alumni-network consent and the download of their data. Everything comes from the APIs through
// the gateway with the session; nothing the APIs return is ever inserted as HTML.
import { announce, api, ApiProblem, date, el, language, startPage, t } from "/portal.js";

const TEXT = {
  nl: {
    title: "Mijn gegevens en meldingen", record: "Mijn gegevens", duty: "Mijn meldplicht",
    conditions: "Voorwaarden die gelden", declarations: "Mijn meldingen", newDeclaration: "Nieuwe melding",
    declared: "Uw melding is ingediend. Het integriteitsbureau beoordeelt haar; u krijgt bericht.", employer: "Werkgever", role: "Functie",
    start: "Begint", state: "Stand", network: "Alumninetwerk", save: "Opslaan",
    networkIntro: "Nieuwsbrieven en uitnodigingen van het alumninetwerk krijgt u alleen met uw toestemming. U kunt die altijd intrekken; berichten over uw meldplicht krijgt u hoe dan ook.",
    consentLabel: "Ik wil berichten van het alumninetwerk ontvangen",
    export: "Mijn gegevens downloaden", exportLink: "Download alles wat het register over mij bewaart (JSON)",
    name: "Naam", personnelNumber: "Personeelsnummer", organisation: "Organisatie", departureDate: "Datum uit dienst",
    lastFunction: "Laatste functie", email: "E-mail",
    windowActive: "U moet elke nieuwe werkgever of activiteit melden vóórdat u begint, tot {end}.",
    windowOver: "Uw meldplicht liep tot {end}.",
    noWindow: "Voor uw functies geldt geen meldplicht.",
    noConditions: "Er gelden geen voorwaarden.", until: "tot",
    noDeclarations: "U hebt nog niets gemeld.",
    consentGiven: "Opgeslagen: u ontvangt berichten van het alumninetwerk.",
    consentWithdrawn: "Opgeslagen: u ontvangt geen berichten van het alumninetwerk meer.",
    notRegistered: "Uw vertrek is nog niet geregistreerd. Neem contact op met HR.",
    DRAFT: "Concept", SUBMITTED: "Ingediend", IN_REVIEW: "In behandeling", INFORMATION_REQUESTED: "Vraag van het bureau",
    DECIDED: "Besloten", WITHDRAWN: "Ingetrokken",
    NO_OBJECTION: "geen bezwaar", ALLOWED_WITH_CONDITIONS: "toegestaan met voorwaarden", OBJECTION: "bezwaar"
  },
  en: {
    title: "My record and declarations", record: "My record", duty: "My duty to declare",
    conditions: "Conditions in force", declarations: "My declarations", newDeclaration: "New declaration",
    declared: "Your declaration was submitted. The integrity office will review it and let you know.", employer: "Employer", role: "Role",
    start: "Starts", state: "State", network: "Alumni network", save: "Save",
    networkIntro: "You receive newsletters and invitations of the alumni network only with your consent. You can withdraw it at any time; messages about your duty to declare reach you regardless.",
    consentLabel: "I want to receive messages from the alumni network",
    export: "Download my data", exportLink: "Download everything the registry holds about me (JSON)",
    name: "Name", personnelNumber: "Personnel number", organisation: "Organisation", departureDate: "Date of leaving",
    lastFunction: "Last function", email: "E-mail",
    windowActive: "Declare every new employer or activity before you start, until {end}.",
    windowOver: "Your duty to declare ran until {end}.",
    noWindow: "Your functions carry no duty to declare.",
    noConditions: "No conditions apply.", until: "until",
    noDeclarations: "You have not declared anything yet.",
    consentGiven: "Saved: you receive messages from the alumni network.",
    consentWithdrawn: "Saved: you no longer receive messages from the alumni network.",
    notRegistered: "Your departure has not been registered yet. Please contact HR.",
    DRAFT: "Draft", SUBMITTED: "Submitted", IN_REVIEW: "Being reviewed", INFORMATION_REQUESTED: "Question from the office",
    DECIDED: "Decided", WITHDRAWN: "Withdrawn",
    NO_OBJECTION: "no objection", ALLOWED_WITH_CONDITIONS: "allowed with conditions", OBJECTION: "objection"
  }
};

const status = document.getElementById("status");
let record = null;
let declarations = [];
let conditions = [];

function draw() {
  const dl = document.getElementById("record");
  dl.replaceChildren();
  if (record) {
    [["name", record.fullName], ["personnelNumber", record.personnelNumber], ["organisation", record.organisation],
     ["departureDate", date(record.departureDate)], ["lastFunction", record.lastFunction], ["email", record.email]]
      .forEach(([key, value]) => dl.append(el("dt", t(key)), el("dd", value ?? "—")));
    const w = record.obligationWindow;
    document.getElementById("window").textContent = !w ? t("noWindow")
      : t(w.active ? "windowActive" : "windowOver").replace("{end}", date(w.end));
  }
  const list = document.getElementById("conditions");
  list.replaceChildren(...(conditions.length === 0 ? [el("li", t("noConditions"))]
    : conditions.map(c => el("li", (language() === "en" ? c.textEn : c.textNl)
        + (c.details ? ` — ${c.details}` : "") + (c.endsOn ? ` (${t("until")} ${date(c.endsOn)})` : "")))));
  const rows = document.getElementById("declaration-rows");
  rows.replaceChildren(...(declarations.length === 0
    ? [tableRow([el("td", t("noDeclarations"), { colspan: "4" })])]
    : declarations.map(d => tableRow([link(d), el("td", d.role), el("td", date(d.startDate)),
        el("td", t(d.status) + (d.outcome ? ": " + t(d.outcome) : ""))]))));
}

function link(declaration) {
  const cell = el("td");
  cell.append(el("a", declaration.employerName, { href: "/alumni/declarations/" + encodeURIComponent(declaration.id) }));
  return cell;
}

function tableRow(cells) {
  const tr = el("tr");
  tr.append(...cells);
  return tr;
}

async function load() {
  try {
    record = await api("GET", "/api/alumni/me");
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) {
      announce(status, t("notRegistered"), "problem");
      return;
    }
    throw e;
  }
  declarations = (await api("GET", "/api/declarations?size=100")).items;
  const decided = declarations.filter(d => d.outcome === "ALLOWED_WITH_CONDITIONS");
  const details = await Promise.all(decided.map(d => api("GET", "/api/declarations/" + d.id)));
  conditions = details.flatMap(d => d.decisions ?? []).flatMap(d => d.conditions ?? []).filter(c => c.status === "ACTIVE");
  document.getElementById("consent").checked = (await api("GET", "/api/alumni/me/network-consent")).given;
  draw();
}

document.getElementById("consent-form").addEventListener("submit", async event => {
  event.preventDefault();
  const region = document.getElementById("consent-status");
  const given = document.getElementById("consent").checked;
  try {
    await api("PUT", "/api/alumni/me/network-consent", { given });
    announce(region, t(given ? "consentGiven" : "consentWithdrawn"));
  } catch (e) {
    announce(region, `${t("problem")}: ${e.message}`, "problem");
  }
});

try {
  const session = await startPage(TEXT, draw);
  if (!session) {
    location.assign("/login");
  } else {
    await load();
    if (new URLSearchParams(location.search).has("declared")) {
      announce(status, t("declared"));
    }
  }
} catch (e) {
  announce(status, t("failed"), "problem");
}
