// One of the alumnus' own declarations: what they declared, the risk with its reasons, the
// questions and answers (answer here when the office asks), the decisions with their conditions,
// and withdrawal. The id comes from the address: /alumni/declarations/<id>.
import { announce, api, ApiProblem, date, describeActivity, el, label, language, moment, problem, startPage, t } from "/portal.js";

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
  document.getElementById("state").textContent = t("alumni.declaration.state", { status: label("declarationStatus", d.status) })
    + (d.outcome ? ` (${label("outcome", d.outcome)})` : "")
    + (d.dueDate && !d.outcome ? `. ${t("common.dueBy")} ${date(d.dueDate)}` : "");
  describeActivity(document.getElementById("activity"), a);
  document.getElementById("risk-level").textContent = d.risk
    ? t("common.riskLevel", { level: label("riskLevel", d.risk.level) }) : t("common.notAssessed");
  document.getElementById("risk-reasons").replaceChildren(...(d.risk?.reasons ?? [])
    .map(r => el("li", language() === "en" ? r.textEn : r.textNl)));
  const thread = document.getElementById("thread");
  thread.replaceChildren(...(d.messages.length === 0 ? [el("li", t("common.noMessages"))] : d.messages.map(m => {
    const item = el("li", null, { class: m.kind.toLowerCase() });
    item.append(el("p", `${label("messageKind", m.kind)} — ${moment(m.sentAt)}`, { class: "meta" }), el("p", m.body));
    return item;
  })));
  document.getElementById("answer-form").hidden = d.status !== "INFORMATION_REQUESTED";
  const decisions = document.getElementById("decisions");
  decisions.replaceChildren(...(d.decisions.length === 0 ? [el("p", t("common.noDecisions"))] : d.decisions.map(decision => {
    const block = el("article", null, { class: "decision" });
    block.append(el("h3", `${label("outcome", decision.outcome)} — ${date(decision.decidedAt?.slice(0, 10))}`),
      el("p", decision.rationale));
    if (decision.conditions.length > 0) {
      const list = el("ul");
      decision.conditions.forEach(c => list.append(el("li", (language() === "en" ? c.textEn : c.textNl)
        + (c.details ? ` — ${c.details}` : "") + ` (${t("alumni.declaration.from")} ${date(c.startsOn)}`
        + (c.endsOn ? ` ${t("common.until")} ${date(c.endsOn)}` : "") + ")")));
      block.append(el("h4", t("common.conditions")), list);
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
      announce(status, t("alumni.declaration.notFound"), "problem");
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
    announce(status, t("alumni.declaration.answered"));
  } catch (e) {
    const fieldError = e instanceof ApiProblem ? (e.problem.errors ?? []).find(x => x.field === "answer") : null;
    if (fieldError) {
      error.textContent = t("common.required");
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", "error-answer");
      field.focus();
    } else {
      announce(status, problem(e), "problem");
    }
  }
});

document.getElementById("withdraw-form").addEventListener("submit", async event => {
  event.preventDefault();
  try {
    declaration = await api("POST", `/api/declarations/${encodeURIComponent(id)}/withdrawal`);
    draw();
    announce(status, t("alumni.declaration.withdrawn"));
  } catch (e) {
    announce(status, problem(e), "problem");
  }
});

try {
  if (!await startPage(draw)) {
    location.assign("/login");
  } else {
    await load();
    if (new URLSearchParams(location.search).has("changed")) {
      announce(status, t("alumni.declaration.changed"));
    }
  }
} catch (e) {
  announce(status, t("common.failed"), "problem");
}
