// The alumnus' rights to rectification (AVG art. 16) and to object (art. 21), made visible: they ask
// the integrity office to correct a part of their record, or object to a processing of their data,
// and read the office's answer here. The office answers within a month (art. 12(3)); the page shows
// by when. Nothing the API returns is ever inserted as HTML.
import { announce, api, ApiProblem, clearFieldErrors, date, el, label, options, paragraphs, problem,
  radios, showFieldErrors, startPage, t } from "/portal.js";

/** A field of the request -> the id of its input in the form. */
const FIELDS = { kind: "request-kind", field: "request-field", text: "request-text" };
const status = document.getElementById("status");
const form = document.getElementById("request-form");
/** The alumnus' requests, newest first; null when they could not be read. */
let requests = [];

function chosenKind() {
  return form.querySelector("input[name=kind]:checked")?.value ?? "";
}

/**
 * The form in the words of the kind chosen: a correction names the part of the record (required),
 * an objection may; the text asks for what is wrong and what it should be, or for what and why.
 */
function drawForm() {
  const kind = chosenKind();
  const objection = kind === "OBJECTION";
  const field = document.getElementById("request-field");
  const chosen = field.value;
  options(field, "recordField", chosen);
  field.prepend(el("option", t(objection ? "alumni.requests.noField" : "alumni.requests.chooseField"), { value: "" }));
  field.value = chosen;
  const fieldLabel = document.getElementById("request-field-label");
  fieldLabel.textContent = t(objection ? "alumni.requests.objectionFieldLabel" : "alumni.requests.fieldLabel")
    + (objection ? "" : " *");
  document.getElementById("request-text-label").textContent =
    t(objection ? "alumni.requests.objectionTextLabel" : "alumni.requests.textLabel") + " *";
  document.getElementById("kind-hint").textContent = kind ? t("alumni.requests.hint" + kind) : "";
}

/** One request: what was asked, when, by when the office answers, and the answer once given. */
function requestArticle(request) {
  const titleId = "request-title-" + request.id;
  const open = request.status === "OPEN";
  const article = el("article", null, { id: "request-" + request.id, class: open ? "agreement open" : "agreement",
    "aria-labelledby": titleId });
  const title = label("requestKind", request.kind) + (request.field ? " — " + label("recordField", request.field) : "");
  const dl = el("dl");
  const term = (key, value) => {
    const dd = el("dd", value instanceof Node ? null : value);
    if (value instanceof Node) {
      dd.append(value);
    }
    dl.append(el("dt", t(key)), dd);
  };
  const text = el("div");
  paragraphs(text, request.text);
  term("alumni.requests.submittedOn", date(request.submittedAt));
  term("alumni.requests.yourText", request.text ? text : "—");
  term("common.state", label("requestStatus", request.status));
  if (open) {
    term("alumni.requests.dueOn", t("alumni.requests.answerBy", { date: date(request.dueOn) }));
  } else {
    const answer = el("div");
    paragraphs(answer, request.answer);
    term("alumni.requests.outcome", label("requestOutcome", request.outcome));
    term("alumni.requests.answer", request.answer ? answer : "—");
    term("alumni.requests.answeredOn", date(request.answeredAt));
  }
  article.append(el("h3", title, { id: titleId }), dl);
  return article;
}

function drawList() {
  const list = document.getElementById("request-list");
  list.replaceChildren(...(requests === null ? [el("p", t("alumni.requests.failed"))]
    : requests.length === 0 ? [el("p", t("alumni.requests.none"))] : requests.map(requestArticle)));
}

function draw() {
  drawForm();
  drawList();
}

async function load() {
  try {
    requests = await api("GET", "/api/alumni/me/requests");
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) {
      announce(status, t("alumni.home.notRegistered"), "problem");
      form.hidden = true;
      requests = [];
    } else {
      requests = null;
    }
  }
  drawList();
}

/** What the page itself finds missing, at the fields; true when the request can be sent. */
function complete(kind, field, text) {
  const missing = [];
  if (!kind) {
    missing.push("request-kind");
  }
  if (kind === "RECTIFICATION" && !field) {
    missing.push("request-field");
  }
  if (!text) {
    missing.push("request-text");
  }
  missing.forEach(id => {
    document.getElementById("error-" + id).textContent = t("common.required");
    (id === "request-kind" ? form.querySelector("input[name=kind]") : document.getElementById(id))
      ?.setAttribute("aria-invalid", "true");
  });
  if (missing.length > 0) {
    (missing[0] === "request-kind" ? form.querySelector("input[name=kind]") : document.getElementById(missing[0])).focus();
  }
  return missing.length === 0;
}

async function send(event) {
  event.preventDefault();
  clearFieldErrors(form);
  const kind = chosenKind();
  const field = document.getElementById("request-field").value;
  const text = document.getElementById("request-text").value.trim();
  if (!complete(kind, field, text)) {
    return;
  }
  const button = document.getElementById("send-request");
  button.disabled = true;
  try {
    const sent = await api("POST", "/api/alumni/me/requests", { kind, field: field || null, text });
    requests = [sent, ...(requests ?? [])];
    form.reset();
    draw();
    announce(status, t("alumni.requests.sent", { date: date(sent.dueOn) }));
    status.focus();
  } catch (e) {
    if (!showFieldErrors(form, e, name => FIELDS[name] ?? name)) {
      announce(status, problem(e), "problem");
      status.focus();
    }
  } finally {
    button.disabled = false;
  }
}

form.addEventListener("submit", send);
form.addEventListener("change", event => {
  if (event.target.name === "kind") {
    drawForm();
  }
});

try {
  if (!await startPage(draw)) {
    location.assign("/login");
  } else {
    radios(document.getElementById("request-kind"), "kind", "requestKind", null,
      document.getElementById("error-request-kind"));
    draw();
    await load();
  }
} catch (e) {
  announce(status, t("common.failed"), "problem");
}
