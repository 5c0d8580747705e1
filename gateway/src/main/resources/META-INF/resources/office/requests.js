// The alumni's requests for correction of their record (AVG art. 16) and their objections (art. 21),
// for the officers of the organisation: the open ones the most urgent first, with the day the law's
// month runs out (art. 12(3)); an officer answers each once, with an outcome and a text the alumnus
// reads in the portal. Reading the list is recorded in the audit trail (purpose: data subject
// request) by the API. ?alumnusId= narrows the list to one record (the record page links here).
// Nothing the API returns is ever inserted as HTML.
import { announce, api, ApiProblem, clearFieldErrors, date, el, label, options, paragraphs, problem,
  showFieldErrors, startPage, t } from "/portal.js";

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const status = document.getElementById("status");
const filter = document.getElementById("request-filter");
const query = new URLSearchParams(location.search);
const alumnusId = ID.test(query.get("alumnusId") ?? "") ? query.get("alumnusId") : null;
/** The list as the API returned it ({items, open, overdue}); null until read. */
let list = null;

/** An answer form for an open request: outcome and text, both required; its fields' ids end in the request's id. */
function answerForm(request, titleId) {
  const suffix = request.id;
  const form = el("form", null, { class: "answer-form", "aria-labelledby": "answer-heading-" + suffix, novalidate: "" });
  const heading = el("h3", t("office.requests.answerHeading"), { id: "answer-heading-" + suffix });
  const outcomeField = el("div", null, { class: "field" });
  const outcome = el("select", null, { id: "outcome-" + suffix, name: "outcome" });
  options(outcome, "requestOutcome", "");
  outcome.prepend(el("option", t("office.requests.chooseOutcome"), { value: "" }));
  outcome.value = "";
  outcomeField.append(el("label", t("office.requests.outcomeLabel") + " *", { for: outcome.id }), outcome,
    el("p", null, { class: "field-error", id: "error-outcome-" + suffix }));
  const answerField = el("div", null, { class: "field" });
  const answer = el("textarea", null, { id: "answer-" + suffix, name: "answer", rows: "5", maxlength: "4000",
    "aria-describedby": "answer-hint-" + suffix });
  answerField.append(el("label", t("office.requests.answerLabel") + " *", { for: answer.id }), answer,
    el("p", t("office.requests.answerHint"), { class: "hint", id: "answer-hint-" + suffix }),
    el("p", null, { class: "field-error", id: "error-answer-" + suffix }));
  const send = el("button", t("office.requests.send"), { type: "submit", "aria-describedby": titleId });
  form.append(heading, outcomeField, answerField, send);
  form.addEventListener("submit", event => sendAnswer(event, request, form, send));
  return form;
}

async function sendAnswer(event, request, form, button) {
  event.preventDefault();
  clearFieldErrors(form);
  const suffix = request.id;
  const outcome = document.getElementById("outcome-" + suffix).value;
  const answer = document.getElementById("answer-" + suffix).value.trim();
  const missing = [["outcome", outcome], ["answer", answer]].filter(([, value]) => !value).map(([name]) => name);
  if (missing.length > 0) {
    missing.forEach(name => {
      document.getElementById(`error-${name}-${suffix}`).textContent = t("common.required");
      document.getElementById(`${name}-${suffix}`).setAttribute("aria-invalid", "true");
    });
    document.getElementById(`${missing[0]}-${suffix}`).focus();
    return;
  }
  button.disabled = true;
  try {
    const answered = await api("POST", `/api/alumni/data-subject-requests/${encodeURIComponent(request.id)}/answer`,
      { outcome, answer });
    list.items = list.items.map(r => (r.id === answered.id ? answered : r));
    list.open = Math.max(0, list.open - 1);
    draw();
    announce(status, t("office.requests.answered", { name: answered.fullName ?? "—" }));
    status.focus();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409) {
      await load();
      announce(status, t("office.requests.answeredMeanwhile"), "problem");
      status.focus();
    } else if (!showFieldErrors(form, e, name => `${name}-${suffix}`)) {
      announce(status, problem(e), "problem");
      status.focus();
    }
  } finally {
    button.disabled = false;
  }
}

/** One request: whose, what, by when; the answer once given, the form while open. */
function requestArticle(request) {
  const titleId = "request-title-" + request.id;
  const open = request.status === "OPEN";
  const article = el("article", null, { id: "request-" + request.id, class: open ? "agreement open" : "agreement",
    "aria-labelledby": titleId });
  const dl = el("dl");
  const term = (key, value, attributes = {}) => {
    const dd = el("dd", value instanceof Node ? null : value, attributes);
    if (value instanceof Node) {
      dd.append(value);
    }
    dl.append(el("dt", t(key)), dd);
  };
  const block = text => {
    const div = el("div");
    paragraphs(div, text);
    return text ? div : "—";
  };
  term("record.personnelNumber", request.personnelNumber ?? "—");
  term("office.requests.submittedOn", date(request.submittedAt));
  term("office.requests.text", block(request.text));
  if (open) {
    term("office.requests.dueOn", request.overdue ? t("office.requests.overdue", { date: date(request.dueOn) })
      : date(request.dueOn), request.overdue ? { class: "overdue" } : {});
  } else {
    term("office.requests.outcome", label("requestOutcome", request.outcome));
    term("office.requests.answer", block(request.answer));
    term("office.requests.answeredBy", t("office.requests.byOn", { by: request.answeredBy ?? "—",
      date: date(request.answeredAt) }));
  }
  const title = `${request.fullName ?? "—"}: ${label("requestKind", request.kind)}`
    + (request.field ? ` — ${label("recordField", request.field)}` : "");
  article.append(el("h2", title, { id: titleId }), dl);
  if (open) {
    article.append(answerForm(request, titleId));
  }
  return article;
}

function draw() {
  // Redrawn in another language: what was typed in the answer forms stays.
  const typed = [...document.querySelectorAll(".answer-form select, .answer-form textarea")]
    .map(input => [input.id, input.value]);
  document.getElementById("one-record").hidden = !alumnusId;
  document.getElementById("counts").textContent = list
    ? t("office.requests.counts", { open: list.open, overdue: list.overdue }) : "";
  const container = document.getElementById("request-list");
  if (!list) {
    container.replaceChildren();
    return;
  }
  container.replaceChildren(...(list.items.length === 0 ? [el("p", t("office.requests.none"))]
    : list.items.map(requestArticle)));
  typed.forEach(([id, value]) => {
    const input = document.getElementById(id);
    if (input) {
      input.value = value;
    }
  });
}

async function load() {
  const params = new URLSearchParams();
  const state = document.getElementById("request-status").value;
  if (state) {
    params.set("status", state);
  }
  if (alumnusId) {
    params.set("alumnusId", alumnusId);
  }
  try {
    list = await api("GET", "/api/alumni/data-subject-requests?" + params);
    draw();
  } catch (e) {
    announce(status, problem(e), "problem");
  }
}

filter.addEventListener("submit", async event => {
  event.preventDefault();
  await load();
  announce(status, t("office.requests.shown", { n: list?.items.length ?? 0 }));
});

try {
  if (!await startPage(draw)) {
    location.assign("/login");
  } else {
    if (query.get("status") === "ANSWERED" || query.get("status") === "") {
      document.getElementById("request-status").value = query.get("status");
    }
    await load();
  }
} catch (e) {
  announce(status, t("common.failed"), "problem");
}
