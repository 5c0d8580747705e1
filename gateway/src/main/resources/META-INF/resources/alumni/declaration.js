// One of the alumnus' own declarations: what they declared, the risk with its reasons, the
// questions and answers (answer here when the office asks), the decisions with their conditions,
// and withdrawal. The id comes from the address: /alumni/declarations/<id>.
import { announce, api, ApiProblem, date, describeActivity, el, language, moment, startPage, t } from "/portal.js";

const TEXT = {
  nl: {
    back: "Terug naar mijn gegevens", activity: "Wat ik meldde", risk: "Beoordeling van het risico",
    thread: "Vragen en antwoorden", decisions: "Besluiten", answerLabel: "Uw antwoord *", send: "Antwoord versturen",
    withdrawHeading: "Melding intrekken", withdrawSure: "Ja, ik ga deze activiteit niet doen en trek de melding in",
    withdrawButton: "Intrekken", withdrawn: "Uw melding is ingetrokken.", answered: "Uw antwoord is verstuurd.",
    change: "Melding wijzigen", changed: "Uw wijziging is ingediend; het bureau beoordeelt de melding opnieuw.",
    required: "Vul dit in.", noMessages: "Nog geen vragen.", noDecisions: "Er is nog niet besloten.",
    notAssessed: "Nog niet beoordeeld.", riskLevel: "Risico: {level}", due: "Besluit uiterlijk {date}",
    state: "Stand: {status}", QUESTION: "Vraag van het integriteitsbureau", ANSWER: "Uw antwoord",
    conditions: "Voorwaarden", until: "tot", from: "vanaf",
    LOW: "laag", MEDIUM: "middel", HIGH: "hoog", CRITICAL: "kritiek",
    DRAFT: "Concept", SUBMITTED: "Ingediend", IN_REVIEW: "In behandeling", INFORMATION_REQUESTED: "Vraag van het bureau",
    DECIDED: "Besloten", WITHDRAWN: "Ingetrokken",
    NO_OBJECTION: "Geen bezwaar", ALLOWED_WITH_CONDITIONS: "Toegestaan met voorwaarden", OBJECTION: "Bezwaar",
    notFound: "Deze melding bestaat niet of is niet van u."
  },
  en: {
    back: "Back to my record", activity: "What I declared", risk: "Risk assessment",
    thread: "Questions and answers", decisions: "Decisions", answerLabel: "Your answer *", send: "Send answer",
    withdrawHeading: "Withdraw the declaration", withdrawSure: "Yes, I will not take up this activity and withdraw the declaration",
    withdrawButton: "Withdraw", withdrawn: "Your declaration was withdrawn.", answered: "Your answer was sent.",
    change: "Change the declaration", changed: "Your change was submitted; the office reviews the declaration again.",
    required: "Please fill this in.", noMessages: "No questions yet.", noDecisions: "No decision yet.",
    notAssessed: "Not assessed yet.", riskLevel: "Risk: {level}", due: "Decision due by {date}",
    state: "State: {status}", QUESTION: "Question from the integrity office", ANSWER: "Your answer",
    conditions: "Conditions", until: "until", from: "from",
    LOW: "low", MEDIUM: "medium", HIGH: "high", CRITICAL: "critical",
    DRAFT: "Draft", SUBMITTED: "Submitted", IN_REVIEW: "Being reviewed", INFORMATION_REQUESTED: "Question from the office",
    DECIDED: "Decided", WITHDRAWN: "Withdrawn",
    NO_OBJECTION: "No objection", ALLOWED_WITH_CONDITIONS: "Allowed with conditions", OBJECTION: "Objection",
    notFound: "This declaration does not exist or is not yours."
  }
};

const id = decodeURIComponent(location.pathname.split("/").pop());
const status = document.getElementById("status");
let declaration = null;

function draw() {
  if (!declaration) {
    return;
  }
  const d = declaration;
  const a = d.activity;
  document.getElementById("title").textContent = `${a.employerName} — ${a.role}`;
  document.title = a.employerName;
  document.getElementById("state").textContent = t("state").replace("{status}", t(d.status))
    + (d.outcome ? ` (${t(d.outcome)})` : "") + (d.dueDate && !d.outcome ? ". " + t("due").replace("{date}", date(d.dueDate)) : "");
  describeActivity(document.getElementById("activity"), a);
  document.getElementById("risk-level").textContent = d.risk
    ? t("riskLevel").replace("{level}", t(d.risk.level)) : t("notAssessed");
  document.getElementById("risk-reasons").replaceChildren(...(d.risk?.reasons ?? [])
    .map(r => el("li", language() === "en" ? r.textEn : r.textNl)));
  const thread = document.getElementById("thread");
  thread.replaceChildren(...(d.messages.length === 0 ? [el("li", t("noMessages"))] : d.messages.map(m => {
    const item = el("li", null, { class: m.kind.toLowerCase() });
    item.append(el("p", `${t(m.kind)} — ${moment(m.sentAt)}`,
      { class: "meta" }), el("p", m.body));
    return item;
  })));
  document.getElementById("answer-form").hidden = d.status !== "INFORMATION_REQUESTED";
  const decisions = document.getElementById("decisions");
  decisions.replaceChildren(...(d.decisions.length === 0 ? [el("p", t("noDecisions"))] : d.decisions.map(decision => {
    const block = el("article", null, { class: "decision" });
    block.append(el("h3", `${t(decision.outcome)} — ${date(decision.decidedAt?.slice(0, 10))}`), el("p", decision.rationale));
    if (decision.conditions.length > 0) {
      const list = el("ul");
      decision.conditions.forEach(c => list.append(el("li", (language() === "en" ? c.textEn : c.textNl)
        + (c.details ? ` — ${c.details}` : "") + ` (${t("from")} ${date(c.startsOn)}`
        + (c.endsOn ? ` ${t("until")} ${date(c.endsOn)}` : "") + ")")));
      block.append(el("h4", t("conditions")), list);
    }
    return block;
  })));
  document.getElementById("withdraw").hidden = ["WITHDRAWN", "DECIDED"].includes(d.status);
  document.getElementById("change").hidden = d.status === "WITHDRAWN";
  document.getElementById("change-link").href = "/alumni/declare/?id=" + encodeURIComponent(d.id);
}

async function load() {
  try {
    declaration = await api("GET", "/api/declarations/" + encodeURIComponent(id));
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) {
      announce(status, t("notFound"), "problem");
      return;
    }
    throw e;
  }
  draw();
}

document.getElementById("answer-form").addEventListener("submit", async event => {
  event.preventDefault();
  const field = document.getElementById("answer");
  const error = document.getElementById("error-answer");
  error.textContent = "";
  field.removeAttribute("aria-invalid");
  try {
    await api("POST", `/api/declarations/${encodeURIComponent(id)}/information`, { answer: field.value });
    field.value = "";
    await load();
    announce(status, t("answered"));
  } catch (e) {
    const problem = e instanceof ApiProblem ? (e.problem.errors ?? []).find(x => x.field === "answer") : null;
    if (problem) {
      error.textContent = t("required");
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", "error-answer");
      field.focus();
    } else {
      announce(status, `${t("problem")}: ${e.message}`, "problem");
    }
  }
});

document.getElementById("withdraw-form").addEventListener("submit", async event => {
  event.preventDefault();
  try {
    declaration = await api("POST", `/api/declarations/${encodeURIComponent(id)}/withdrawal`);
    draw();
    announce(status, t("withdrawn"));
  } catch (e) {
    announce(status, `${t("problem")}: ${e.message}`, "problem");
  }
});

try {
  if (!await startPage(TEXT, draw)) {
    location.assign("/login");
  } else {
    await load();
    if (new URLSearchParams(location.search).has("changed")) {
      announce(status, t("changed"));
    }
  }
} catch (e) {
  announce(status, t("failed"), "problem");
}
