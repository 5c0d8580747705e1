// An officer reviews one declaration of their organisation (/office/declarations/<id>): the
// activity, risk and reasons, the history of versions, the thread (ask a question), and the
// decision with conditions from the library. Another organisation's declaration answers 404.
import { announce, api, ApiProblem, clearFieldErrors, date, describeActivity, el, language, moment, showFieldErrors, startPage, t } from "/portal.js";

const TEXT = {
  nl: {
    back: "Terug naar signalen en meldingen", activity: "Gemelde activiteit", risk: "Risico en redenen",
    history: "Geschiedenis", thread: "Vragen en antwoorden", decisions: "Besluiten", claim: "Ik pak deze melding op",
    questionLabel: "Vraag aan de alumnus *", ask: "Vraag stellen", outcome: "Besluit *", rationale: "Motivering *",
    conditions: "Voorwaarden (bij toegestaan met voorwaarden)", decide: "Besluit vastleggen",
    NO_OBJECTION: "Geen bezwaar", ALLOWED_WITH_CONDITIONS: "Toegestaan met voorwaarden", OBJECTION: "Bezwaar",
    asked: "Uw vraag is verstuurd; de alumnus krijgt bericht.", decided: "Het besluit is vastgelegd.",
    claimed: "U behandelt deze melding.", required: "Vul dit in.", choose: "Kies een besluit.",
    endsOn: "tot en met", details: "toelichting", version: "Versie {n}, gemeld {date}", late: "te laat gemeld",
    state: "Stand: {status}, behandelaar: {assignee}", nobody: "niemand", riskLevel: "Risico: {level}",
    notAssessed: "Nog niet beoordeeld.", noMessages: "Nog geen vragen.", noDecisions: "Nog geen besluit.",
    QUESTION: "Vraag", ANSWER: "Antwoord van de alumnus", notFound: "Deze melding bestaat niet of is van een andere organisatie.",
    fix: "Verbeter de velden van het besluit.",
    LOW: "laag", MEDIUM: "middel", HIGH: "hoog", CRITICAL: "kritiek",
    SUBMITTED: "Ingediend", IN_REVIEW: "In behandeling", INFORMATION_REQUESTED: "Vraag uitgezet", DECIDED: "Besloten",
    WITHDRAWN: "Ingetrokken", DRAFT: "Concept", PROPOSED: "voorgesteld, wacht op tweede beoordelaar", IN_FORCE: "van kracht",
    SUPERSEDED: "vervangen", RETURNED: "teruggegeven", confirm: "Besluit bevestigen", return: "Teruggeven",
    secondPair: "Dit besluit is voorgesteld door een collega en wacht op uw tweede beoordeling.",
    confirmed: "U hebt het besluit bevestigd; het is van kracht.", returned: "U hebt het besluit teruggegeven."
  },
  en: {
    back: "Back to alerts and declarations", activity: "Declared activity", risk: "Risk and reasons",
    history: "History", thread: "Questions and answers", decisions: "Decisions", claim: "I take up this declaration",
    questionLabel: "Question to the alumnus *", ask: "Ask", outcome: "Decision *", rationale: "Rationale *",
    conditions: "Conditions (when allowed with conditions)", decide: "Record the decision",
    NO_OBJECTION: "No objection", ALLOWED_WITH_CONDITIONS: "Allowed with conditions", OBJECTION: "Objection",
    asked: "Your question was sent; the alumnus is notified.", decided: "The decision was recorded.",
    claimed: "You handle this declaration.", required: "Please fill this in.", choose: "Please choose a decision.",
    endsOn: "until", details: "details", version: "Version {n}, declared {date}", late: "declared late",
    state: "State: {status}, officer: {assignee}", nobody: "nobody", riskLevel: "Risk: {level}",
    notAssessed: "Not assessed yet.", noMessages: "No questions yet.", noDecisions: "No decision yet.",
    QUESTION: "Question", ANSWER: "The alumnus' answer", notFound: "This declaration does not exist or belongs to another organisation.",
    fix: "Please correct the fields of the decision.",
    LOW: "low", MEDIUM: "medium", HIGH: "high", CRITICAL: "critical",
    SUBMITTED: "Submitted", IN_REVIEW: "Being reviewed", INFORMATION_REQUESTED: "Question asked", DECIDED: "Decided",
    WITHDRAWN: "Withdrawn", DRAFT: "Draft", PROPOSED: "proposed, awaiting a second officer", IN_FORCE: "in force",
    SUPERSEDED: "superseded", RETURNED: "returned", confirm: "Confirm the decision", return: "Return",
    secondPair: "A colleague proposed this decision; it awaits your second review.",
    confirmed: "You confirmed the decision; it is in force.", returned: "You returned the decision."
  }
};

const id = decodeURIComponent(location.pathname.split("/").pop());
const status = document.getElementById("status");
let declaration = null;
let versions = [];
let conditionTypes = [];
let me = null;

function text(nl, en) {
  return language() === "en" ? en : nl;
}

function draw() {
  if (!declaration) {
    return;
  }
  const d = declaration;
  const a = d.activity;
  document.getElementById("title").textContent = `${a.employerName} — ${a.role}`;
  document.getElementById("state").textContent = t("state").replace("{status}", t(d.status))
    .replace("{assignee}", d.assignee ?? t("nobody"));
  document.getElementById("claim").hidden = !!d.assignee || ["DECIDED", "WITHDRAWN"].includes(d.status);
  describeActivity(document.getElementById("activity"), a);
  document.getElementById("risk-level").textContent = d.risk ? t("riskLevel").replace("{level}", t(d.risk.level)) : t("notAssessed");
  document.getElementById("risk-reasons").replaceChildren(...(d.risk?.reasons ?? []).map(r => el("li",
    `${text(r.textNl, r.textEn)} (${r.code}, ${t(r.level)})`)));
  document.getElementById("history").replaceChildren(...versions.map(v => el("li",
    t("version").replace("{n}", v.number).replace("{date}", date(v.declaredAt?.slice(0, 10)))
      + `: ${v.activity.employerName}, ${v.activity.role}` + (v.risk ? ` — ${t(v.risk.level)}` : "") + (v.late ? ` (${t("late")})` : ""))));
  document.getElementById("thread").replaceChildren(...(d.messages.length === 0 ? [el("li", t("noMessages"))] : d.messages.map(m => {
    const item = el("li", null, { class: m.kind.toLowerCase() });
    item.append(el("p", `${t(m.kind)} — ${m.author} — ${moment(m.sentAt)}`, { class: "meta" }), el("p", m.body));
    return item;
  })));
  document.getElementById("decisions").replaceChildren(...(d.decisions.length === 0 ? [el("p", t("noDecisions"))] : d.decisions.map(x => {
    const block = el("article", null, { class: "decision" });
    block.append(el("h3", `${t(x.outcome)} (${t(x.status)}) — ${x.decidedBy}`), el("p", x.rationale));
    const list = el("ul");
    x.conditions.forEach(c => list.append(el("li", `${text(c.textNl, c.textEn)}${c.details ? " — " + c.details : ""}`
      + (c.endsOn ? ` (${t("endsOn")} ${date(c.endsOn)})` : ""))));
    block.append(list);
    if (x.status === "PROPOSED" && me && x.decidedBy !== me.username) {
      // Four eyes: a second officer confirms the proposed decision or returns it.
      const confirm = el("button", t("confirm"), { type: "button", id: "confirm-decision" });
      const giveBack = el("button", t("return"), { type: "button", id: "return-decision" });
      confirm.addEventListener("click", () => confirmation(true));
      giveBack.addEventListener("click", () => confirmation(false));
      block.append(el("p", t("secondPair")), confirm, document.createTextNode(" "), giveBack);
    }
    return block;
  })));
  const closed = ["DECIDED", "WITHDRAWN"].includes(d.status);
  document.getElementById("question-form").hidden = closed;
  document.getElementById("decision-form").hidden = closed;
  drawConditionChoices();
}

function drawConditionChoices() {
  const fieldset = document.getElementById("conditions");
  const legend = fieldset.querySelector("legend");
  const checked = new Map(Array.from(fieldset.querySelectorAll("input[type=checkbox]:checked"))
    .map(box => [box.value, { endsOn: document.getElementById("ends-" + box.value).value,
      details: document.getElementById("details-" + box.value).value }]));
  fieldset.replaceChildren(legend);
  conditionTypes.forEach(c => {
    const row = el("div", null, { class: "condition" });
    const box = el("input", null, { type: "checkbox", id: "condition-" + c.type, value: c.type });
    box.checked = checked.has(c.type);
    row.append(box, el("label", text(c.textNl, c.textEn), { for: "condition-" + c.type }), el("br"),
      el("label", t("endsOn"), { for: "ends-" + c.type, class: "sub" }),
      el("input", null, { type: "date", id: "ends-" + c.type, value: checked.get(c.type)?.endsOn ?? "" }),
      el("label", t("details"), { for: "details-" + c.type, class: "sub" }),
      el("input", null, { id: "details-" + c.type, maxlength: "2000", value: checked.get(c.type)?.details ?? "" }));
    fieldset.append(row);
  });
}

async function load() {
  try {
    declaration = await api("GET", "/api/declarations/" + encodeURIComponent(id));
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) {
      announce(status, t("notFound"), "problem");
      document.querySelectorAll("section").forEach(s => { s.hidden = true; });
      return;
    }
    throw e;
  }
  versions = await api("GET", `/api/declarations/${encodeURIComponent(id)}/versions`);
  draw();
}

const main = document.getElementById("main");

function clearErrors() {
  clearFieldErrors(main);
}

/** A problem: its field errors at their fields, or the whole of it in the status line. */
function showProblem(e) {
  const shown = showFieldErrors(main, e, field => (field.startsWith("conditions") ? "conditions" : field),
    name => t(name === "outcome" ? "choose" : "required"));
  announce(status, shown ? t("fix") : `${t("problem")}: ${e.message}`, "problem");
  status.focus();
}

async function confirmation(approve) {
  try {
    await api("POST", `/api/declarations/${encodeURIComponent(id)}/decision/confirmation`, { approve });
    await load();
    announce(status, t(approve ? "confirmed" : "returned"));
  } catch (e) {
    showProblem(e);
  }
}

document.getElementById("claim").addEventListener("click", async () => {
  try {
    declaration = await api("POST", `/api/declarations/${encodeURIComponent(id)}/claim`, {});
    draw();
    announce(status, t("claimed"));
  } catch (e) {
    showProblem(e);
  }
});

document.getElementById("question-form").addEventListener("submit", async event => {
  event.preventDefault();
  clearErrors();
  try {
    await api("POST", `/api/declarations/${encodeURIComponent(id)}/information-requests`,
      { question: document.getElementById("question").value });
    document.getElementById("question").value = "";
    await load();
    announce(status, t("asked"));
  } catch (e) {
    showProblem(e);
  }
});

document.getElementById("decision-form").addEventListener("submit", async event => {
  event.preventDefault();
  clearErrors();
  const form = event.target;
  const conditions = Array.from(document.querySelectorAll("#conditions input[type=checkbox]:checked")).map(box => ({
    type: box.value,
    endsOn: document.getElementById("ends-" + box.value).value || null,
    details: document.getElementById("details-" + box.value).value.trim() || null
  }));
  try {
    await api("POST", `/api/declarations/${encodeURIComponent(id)}/decision`,
      { outcome: form.elements.outcome.value || null, rationale: document.getElementById("rationale").value, conditions });
    await load();
    announce(status, t("decided"));
  } catch (e) {
    showProblem(e);
  }
});

try {
  me = await startPage(TEXT, draw);
  if (!me) {
    location.assign("/login");
  } else {
    conditionTypes = await api("GET", "/api/condition-types");
    await load();
  }
} catch (e) {
  announce(status, t("failed"), "problem");
}
