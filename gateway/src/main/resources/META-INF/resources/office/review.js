// An officer reviews one declaration of their organisation (/office/declarations/<id>): the
// activity, risk and reasons, the history of versions, the thread (ask a question), and the
// decision with conditions from the library. Another organisation's declaration answers 404.
// What the page offers follows what the declaration's status allows (DeclarationStatus): take it
// up, ask, decide; a decision awaiting a second officer is confirmed or returned by another one.
// Opening the declaration asks why, as opening an alumnus' record does: each read is written to the
// declaration's audit trail with that purpose (purpose limitation, AVG art. 5). A link may name the
// purpose already (?purpose=DECLARATION_REVIEW); once chosen it stays in the address, so reloading
// the page reads the declaration again for the same purpose.
import { announce, api, ApiProblem, clearFieldErrors, codes, date, describeActivity, el, label, language, moment,
  options, problem, radios, showFieldErrors, startPage, t } from "/portal.js";

/** The purposes an officer can state: the HR system's own read-back is not one of them. */
const STAFF_PURPOSES = () => codes("purpose").filter(p => p !== "REGISTRATION_CHECK");

/** The statuses in which the declaration-service allows each action (DeclarationStatus). */
const ALLOWS = {
  claim: ["SUBMITTED", "UNDER_REVIEW", "INFORMATION_REQUESTED"],
  ask: ["SUBMITTED", "UNDER_REVIEW"],
  decide: ["SUBMITTED", "UNDER_REVIEW", "INFORMATION_REQUESTED"]
};

const id = decodeURIComponent(location.pathname.split("/").pop());
const status = document.getElementById("status");
/** Why the officer opened the declaration; null until they said. */
let purpose = null;
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
  document.getElementById("logged").textContent = t("office.review.logged", { purpose: label("purpose", purpose) });
  delete document.getElementById("title").dataset.i18n;
  document.getElementById("title").textContent = `${a.employerName} — ${a.role}`;
  document.title = a.employerName;
  document.getElementById("state").textContent = t("office.review.state",
    { status: label("declarationStatus", d.status), assignee: d.assignee ?? t("common.nobody") });
  document.getElementById("claim").hidden = !!d.assignee || !ALLOWS.claim.includes(d.status);
  describeActivity(document.getElementById("activity"), a);
  document.getElementById("risk-level").textContent = d.risk
    ? t("common.riskLevel", { level: label("riskLevel", d.risk.level) }) : t("common.notAssessed");
  document.getElementById("risk-reasons").replaceChildren(...(d.risk?.reasons ?? []).map(r => el("li",
    `${text(r.textNl, r.textEn)} (${r.code}, ${label("riskLevel", r.level)})`)));
  document.getElementById("history").replaceChildren(...versions.map(v => el("li",
    t("office.review.version", { n: v.number, date: date(v.declaredAt?.slice(0, 10)) })
      + `: ${v.activity.employerName}, ${v.activity.role}` + (v.risk ? ` — ${label("riskLevel", v.risk.level)}` : "")
      + (v.late ? ` (${t("office.review.late")})` : ""))));
  document.getElementById("thread").replaceChildren(...(d.messages.length === 0 ? [el("li", t("common.noMessages"))] : d.messages.map(m => {
    const item = el("li", null, { class: m.kind.toLowerCase() });
    item.append(el("p", `${label("messageKind", m.kind)} — ${m.author} — ${moment(m.sentAt)}`, { class: "meta" }), el("p", m.body));
    return item;
  })));
  document.getElementById("decisions").replaceChildren(...(d.decisions.length === 0 ? [el("p", t("common.noDecisions"))] : d.decisions.map(x => {
    const block = el("article", null, { class: "decision" });
    block.append(el("h3", `${label("outcome", x.outcome)} (${label("decisionStatus", x.status)}) — ${x.decidedBy}`), el("p", x.rationale));
    const list = el("ul");
    x.conditions.forEach(c => list.append(el("li", `${text(c.textNl, c.textEn)}${c.details ? " — " + c.details : ""}`
      + (c.endsOn ? ` (${t("common.through")} ${date(c.endsOn)})` : ""))));
    block.append(list);
    if (x.status === "PROPOSED" && me && x.decidedBy !== me.username) {
      // Four eyes: a second officer confirms the proposed decision or returns it.
      const confirm = el("button", t("office.review.confirm"), { type: "button", id: "confirm-decision" });
      const giveBack = el("button", t("office.review.return"), { type: "button", id: "return-decision" });
      confirm.addEventListener("click", () => confirmation(true));
      giveBack.addEventListener("click", () => confirmation(false));
      block.append(el("p", t("office.review.secondPair")), confirm, document.createTextNode(" "), giveBack);
    }
    return block;
  })));
  document.getElementById("question-form").hidden = !ALLOWS.ask.includes(d.status);
  document.getElementById("decision-form").hidden = !ALLOWS.decide.includes(d.status);
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
      el("label", t("common.through"), { for: "ends-" + c.type, class: "sub" }),
      el("input", null, { type: "date", id: "ends-" + c.type, value: checked.get(c.type)?.endsOn ?? "" }),
      el("label", t("office.review.details"), { for: "details-" + c.type, class: "sub" }),
      el("input", null, { id: "details-" + c.type, maxlength: "2000", value: checked.get(c.type)?.details ?? "" }));
    fieldset.append(row);
  });
}

/** Reads the declaration and its versions for the purpose stated (each read is audited). */
async function load() {
  const why = "?purpose=" + encodeURIComponent(purpose);
  try {
    declaration = await api("GET", "/api/declarations/" + encodeURIComponent(id) + why);
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) {
      announce(status, t("office.review.notFound"), "problem");
      document.querySelectorAll("section").forEach(s => { s.hidden = true; });
      document.getElementById("alerts-link").hidden = true;
      return;
    }
    throw e;
  }
  versions = await api("GET", `/api/declarations/${encodeURIComponent(id)}/versions${why}`);
  document.querySelectorAll("section").forEach(s => { s.hidden = false; });
  draw();
}

/** Opens the declaration for the purpose chosen, and keeps the purpose in the address for a reload. */
async function openDeclaration(event) {
  event.preventDefault();
  purpose = document.getElementById("purpose").value;
  const address = new URL(location.href);
  address.searchParams.set("purpose", purpose);
  history.replaceState(null, "", address);
  document.getElementById("purpose-form").hidden = true;
  try {
    await load();
  } catch (e) {
    announce(status, problem(e), "problem");
  }
}

const main = document.getElementById("main");

function clearErrors() {
  clearFieldErrors(main);
}

/** A problem: its field errors at their fields, or the whole of it in the status line. */
function showProblem(e) {
  const shown = showFieldErrors(main, e, field => (field.startsWith("conditions") ? "conditions" : field),
    name => t(name === "outcome" ? "office.review.choose" : "common.required"));
  announce(status, shown ? t("office.review.fix") : problem(e), "problem");
  status.focus();
}

async function confirmation(approve) {
  try {
    await api("POST", `/api/declarations/${encodeURIComponent(id)}/decision/confirmation`, { approve });
    await load();
    announce(status, t(approve ? "office.review.confirmed" : "office.review.returned"));
  } catch (e) {
    showProblem(e);
  }
}

document.getElementById("claim").addEventListener("click", async () => {
  try {
    declaration = await api("POST", `/api/declarations/${encodeURIComponent(id)}/claim`, {});
    draw();
    announce(status, t("office.review.claimed"));
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
    announce(status, t("office.review.asked"));
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
    announce(status, t("office.review.decided"));
  } catch (e) {
    showProblem(e);
  }
});

try {
  me = await startPage(draw);
  if (!me) {
    location.assign("/login");
  } else {
    radios(document.getElementById("outcomes"), "outcome", "outcome", null, document.getElementById("error-outcome"));
    document.getElementById("alerts-link").href = "/office/?status=*&declarationId=" + encodeURIComponent(id);
    conditionTypes = await api("GET", "/api/condition-types");
    const stated = new URLSearchParams(location.search).get("purpose");
    if (STAFF_PURPOSES().includes(stated)) {
      purpose = stated;
      await load();
    } else {
      // Until it is opened, the page is called what it is for (translated with the page).
      const title = document.getElementById("title");
      title.dataset.i18n = "office.review.title";
      title.textContent = t("office.review.title");
      const choice = document.getElementById("purpose");
      options(choice, "purpose", null, STAFF_PURPOSES());
      document.getElementById("purpose-form").hidden = false;
      document.getElementById("purpose-form").addEventListener("submit", openDeclaration);
      choice.focus();
    }
  }
} catch (e) {
  announce(status, t("common.failed"), "problem");
}
