// The integrity office's start page: the alert inbox (acknowledge, resolve) and the review queue
// of the officer's own organisation. /office/alerts/<id>, the link in office mail, opens here with
// that alert in focus.
import { announce, api, date, el, language, moment, startPage, t } from "/portal.js";

const TEXT = {
  nl: {
    title: "Integriteitsbureau", order: "Volgorde", byDueDate: "Eerst te besluiten", newestFirst: "Nieuwste eerst",
    byRisk: "Hoogste risico eerst", statistics: "Cijfers", findAlumni: "Alumni zoeken", alerts: "Signalen", kind: "Soort", summary: "Omschrijving", raised: "Ontstaan",
    state: "Stand", actions: "Acties", queue: "Te beoordelen meldingen", employer: "Werkgever", role: "Functie",
    risk: "Risico", due: "Besluit uiterlijk", assignee: "Behandelaar", acknowledge: "Oppakken", resolve: "Afhandelen",
    open: "Bekijk melding", noAlerts: "Geen open signalen.", noQueue: "Er wacht niets op beoordeling.",
    acknowledged: "Signaal opgepakt.", resolved: "Signaal afgehandeld.", nobody: "niemand",
    NEW: "Nieuw", ACKNOWLEDGED: "Opgepakt", RESOLVED: "Afgehandeld",
    DECLARATION_SUBMITTED: "Nieuwe of gewijzigde melding", HIGH_RISK: "Hoog of kritiek risico", LATE_DECLARATION: "Te late melding",
    DECLARATION_MISSING: "Melding ontbreekt", INFORMATION_RECEIVED: "Antwoord ontvangen", DECISION_DUE_SOON: "Besluit bijna verlopen",
    DECISION_OVERDUE: "Besluit te laat", WEBHOOK_DISABLED: "Webhook uitgeschakeld",
    SUBMITTED: "Ingediend", IN_REVIEW: "In behandeling", INFORMATION_REQUESTED: "Vraag uitgezet", DECIDED: "Besloten",
    LOW: "laag", MEDIUM: "middel", HIGH: "hoog", CRITICAL: "kritiek", forbidden: "Deze pagina is voor integriteitsfunctionarissen."
  },
  en: {
    title: "Integrity office", order: "Order", byDueDate: "Decision due first", newestFirst: "Newest first",
    byRisk: "Highest risk first", statistics: "Statistics", findAlumni: "Find alumni", alerts: "Alerts", kind: "Kind", summary: "Summary", raised: "Raised", state: "State",
    actions: "Actions", queue: "Declarations to review", employer: "Employer", role: "Role", risk: "Risk",
    due: "Decision due", assignee: "Officer", acknowledge: "Take up", resolve: "Resolve", open: "Open declaration",
    noAlerts: "No open alerts.", noQueue: "Nothing waits for review.", acknowledged: "Alert taken up.",
    resolved: "Alert resolved.", nobody: "nobody",
    NEW: "New", ACKNOWLEDGED: "Taken up", RESOLVED: "Resolved",
    DECLARATION_SUBMITTED: "New or changed declaration", HIGH_RISK: "High or critical risk", LATE_DECLARATION: "Late declaration",
    DECLARATION_MISSING: "Declaration missing", INFORMATION_RECEIVED: "Answer received", DECISION_DUE_SOON: "Decision due soon",
    DECISION_OVERDUE: "Decision overdue", WEBHOOK_DISABLED: "Webhook disabled",
    SUBMITTED: "Submitted", IN_REVIEW: "Being reviewed", INFORMATION_REQUESTED: "Question asked", DECIDED: "Decided",
    LOW: "low", MEDIUM: "medium", HIGH: "high", CRITICAL: "critical", forbidden: "This page is for integrity officers."
  }
};

const status = document.getElementById("status");
const focusAlert = location.pathname.startsWith("/office/alerts/") ? location.pathname.split("/").pop() : null;
let alerts = [];
let queue = [];

function row(cells, attributes = {}) {
  const tr = el("tr", null, attributes);
  tr.append(...cells);
  return tr;
}

function cell(...children) {
  const td = el("td");
  td.append(...children);
  return td;
}

function draw() {
  document.getElementById("alert-rows").replaceChildren(...(alerts.length === 0
    ? [row([el("td", t("noAlerts"), { colspan: "5" })])]
    : alerts.map(a => {
      const actions = cell();
      if (a.declarationId) {
        actions.append(el("a", t("open"), { href: "/office/declarations/" + encodeURIComponent(a.declarationId) }), " ");
      }
      if (a.status === "NEW") {
        actions.append(button(t("acknowledge"), () => act(a, "acknowledgement", "acknowledged")), " ");
      }
      actions.append(button(t("resolve"), () => act(a, "resolution", "resolved")));
      return row([el("td", t(a.kind)), el("td", language() === "en" ? a.summary : a.summaryNl ?? a.summary), el("td", moment(a.raisedAt)),
        el("td", t(a.status)), actions], { id: "alert-" + a.id, tabindex: "-1" });
    })));
  document.getElementById("queue-rows").replaceChildren(...(queue.length === 0
    ? [row([el("td", t("noQueue"), { colspan: "6" })])]
    : queue.map(d => row([
      cell(el("a", d.employerName, { href: "/office/declarations/" + encodeURIComponent(d.id) })),
      el("td", d.role), el("td", d.riskLevel ? t(d.riskLevel) : "—"), el("td", t(d.status)), el("td", date(d.dueDate)),
      el("td", d.assignee ?? t("nobody"))]))));
  if (focusAlert) {
    document.getElementById("alert-" + focusAlert)?.focus();
  }
}

function button(text, action) {
  const b = el("button", text, { type: "button", class: "small" });
  b.addEventListener("click", action);
  return b;
}

async function act(alert, action, done) {
  try {
    await api("POST", `/api/alerts/${encodeURIComponent(alert.id)}/${action}`, action === "resolution" ? {} : undefined);
    announce(status, t(done));
    await load();
  } catch (e) {
    announce(status, `${t("problem")}: ${e.message}`, "problem");
  }
}

async function load() {
  const order = document.getElementById("queue-sort").value;
  alerts = (await api("GET", "/api/alerts?size=50")).items;
  queue = (await api("GET", `/api/declarations?size=50&sort=${encodeURIComponent(order)}`)).items;
  draw();
}

document.getElementById("queue-sort").addEventListener("change", () => load().catch(() => announce(status, t("failed"), "problem")));

try {
  const session = await startPage(TEXT, draw);
  if (!session) {
    location.assign("/login");
  } else if (!session.roles.includes("integrity-officer")) {
    announce(status, t("forbidden"), "problem");
  } else {
    await load();
  }
} catch (e) {
  announce(status, t("failed"), "problem");
}
