// A new declaration: the form checks nothing the service does not check itself; it sends what
// the alumnus filled in and shows every field error of the service's problem next to its field.
import { addOptions, announce, api, ApiProblem, el, isMissing, problem, radios, startPage, t, translate } from "/portal.js";

const YES_NO = ["paid", "selfEmployed", "expectsContact", "usesKnowledge"];
const form = document.getElementById("declaration");
// With ?id= the form changes an existing declaration: a new version, assessed again.
const editing = new URLSearchParams(location.search).get("id");

/** The choices: kinds and sectors from their tables, yes or no for each question. */
function buildChoices() {
  radios(document.getElementById("kind-choice"), "kind", "declarationKind", "FIRM", document.getElementById("error-kind"));
  addOptions(document.getElementById("sector"), "sector");
  document.querySelectorAll(".yes-no").forEach(fieldset => {
    const field = fieldset.dataset.field;
    ["yes", "no"].forEach(answer => {
      const id = `${field}-${answer}`;
      fieldset.append(el("input", null, { type: "radio", id, name: field, value: String(answer === "yes") }),
        el("label", t("common." + answer), { for: id, "data-i18n": "common." + answer }), document.createTextNode(" "));
    });
    fieldset.append(el("p", null, { class: "field-error", id: "error-" + field }));
  });
}

function valueOf(name) {
  const element = form.elements[name];
  const value = element instanceof RadioNodeList ? element.value : element.value.trim();
  return value === "" ? null : value;
}

function request() {
  const body = {};
  ["kind", "employerName", "country", "kvkNumber", "sector", "role", "duties", "startDate", "contactDetails",
    "knowledgeDetails"].forEach(name => { body[name] = valueOf(name); });
  const hours = valueOf("hoursPerWeek");
  body.hoursPerWeek = hours === null ? null : Number(hours);
  YES_NO.forEach(name => { const v = valueOf(name); body[name] = v === null ? null : v === "true"; });
  return body;
}

function clearErrors() {
  document.querySelectorAll(".field-error").forEach(p => { p.textContent = ""; });
  document.querySelectorAll("[aria-invalid]").forEach(e => e.removeAttribute("aria-invalid"));
  document.getElementById("summary").hidden = true;
}

/** What the form calls a field: its label, or for a choice its legend, without the required mark. */
function caption(field, target) {
  const named = target?.closest("fieldset")?.querySelector("legend")
    ?? (target ? form.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null);
  return (named?.textContent ?? field).replace(/ \*$/, "");
}

/** Every field error of the problem next to its field, in form order; a summary on top that takes the focus. */
function showErrors(errors) {
  const summary = document.getElementById("summary");
  const list = el("ul");
  const fields = Array.from(form.elements).map(e => e.name);
  [...errors].sort((a, b) => fields.indexOf(a.field) - fields.indexOf(b.field)).forEach(({ field, message }) => {
    const input = form.elements[field];
    const choice = input instanceof RadioNodeList;
    // The service's own words, except for a missing answer, which each language says for itself.
    const text = isMissing(message) ? t(choice ? "alumni.declare.choose" : "common.required") : message;
    const slot = document.getElementById("error-" + field);
    if (slot) {
      slot.textContent = text;
    }
    const target = choice ? input[0] : input;
    if (target) {
      target.setAttribute("aria-invalid", "true");
      target.setAttribute("aria-describedby", "error-" + field);
    }
    const item = el("li");
    item.append(el("a", `${caption(field, target)}: ${text}`, { href: "#" + (target?.id ?? field) }));
    list.append(item);
  });
  summary.replaceChildren(el("p", t("alumni.declare.fix")), list);
  summary.className = "notice problem";
  summary.hidden = false;
  summary.focus();
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  clearErrors();
  const progress = document.getElementById("progress");
  const button = document.getElementById("submit");
  button.disabled = true;
  progress.textContent = t("alumni.declare.sending");
  try {
    if (editing) {
      await api("PUT", "/api/declarations/" + encodeURIComponent(editing), request());
      location.assign("/alumni/declarations/" + encodeURIComponent(editing) + "?changed=1");
    } else {
      const declaration = await api("POST", "/api/declarations", request());
      location.assign("/alumni/?declared=" + encodeURIComponent(declaration.id) + "#declarations");
    }
  } catch (e) {
    progress.textContent = "";
    if (e instanceof ApiProblem && Array.isArray(e.problem.errors) && e.problem.errors.length > 0) {
      showErrors(e.problem.errors);
    } else {
      const summary = document.getElementById("summary");
      summary.hidden = false;
      announce(summary, problem(e), "problem");
      summary.focus();
    }
  } finally {
    button.disabled = false;
  }
});

/** Fills the form with the declaration's current version. */
async function prefill(id) {
  const { activity } = await api("GET", "/api/declarations/" + encodeURIComponent(id));
  Object.entries(activity).forEach(([name, value]) => {
    const field = form.elements[name];
    if (!field || value === null || value === undefined) {
      return;
    }
    if (field instanceof RadioNodeList) {
      field.value = String(value);
    } else {
      field.value = value;
    }
  });
  document.querySelector("h1").dataset.i18n = "alumni.declare.editTitle";
  document.querySelector("title").dataset.i18n = "alumni.declare.editTitle";
  document.getElementById("submit").dataset.i18n = "alumni.declare.change";
  translate();
}

try {
  const session = await startPage();
  buildChoices();
  if (!session) {
    location.assign("/login");
  } else if (editing) {
    await prefill(editing);
  }
} catch (e) {
  announce(document.getElementById("progress"), t("common.failed"), "problem");
}
