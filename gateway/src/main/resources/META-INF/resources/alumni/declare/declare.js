// A new declaration: the form checks nothing the service does not check itself; it sends what
// the alumnus filled in and shows every field error of the service's problem next to its field.
import { announce, api, ApiProblem, el, SECTORS, startPage, t, translate } from "/portal.js";
const YES_NO = ["paid", "selfEmployed", "expectsContact", "usesKnowledge"];

const TEXT = {
  nl: {
    title: "Nieuwe melding", editTitle: "Melding wijzigen", change: "Wijziging indienen", back: "Terug naar mijn gegevens",
    intro: "Meld een nieuwe werkgever of activiteit vóórdat u begint. Velden met * zijn verplicht.",
    kind: "Soort melding *", FIRM: "Vast: ik heb een aanbod of afspraak",
    SPECULATIVE: "Verkennend: nog geen aanbod, ik wil vooraf advies",
    employerName: "Werkgever *", country: "Land (ISO-code, bijv. NL of BE) *",
    kvkNumber: "KvK-nummer (bij een Nederlandse werkgever)", sector: "Sector *", pick: "Kies…", role: "Functie *",
    duties: "Werkzaamheden *", startDate: "Begindatum (verplicht bij een vaste melding)", hoursPerWeek: "Uren per week *",
    paid: "Betaald? *", selfEmployed: "Als zelfstandige? *", expectsContact: "Verwacht u contact met uw oude organisatie? *",
    contactDetails: "Welk contact (verplicht als u contact verwacht)", usesKnowledge: "Gebruikt u kennis uit uw oude functie? *",
    knowledgeDetails: "Welke kennis", submit: "Melding indienen", yes: "Ja", no: "Nee",
    sending: "Uw melding wordt verstuurd…", fix: "Verbeter de velden hieronder:",
    required: "Vul dit in.", choose: "Kies een antwoord.",
  },
  en: {
    title: "New declaration", editTitle: "Change the declaration", change: "Submit the change", back: "Back to my record",
    intro: "Declare a new employer or activity before you start. Fields marked * are required.",
    kind: "Kind of declaration *", FIRM: "Firm: I have an offer or agreement",
    SPECULATIVE: "Exploratory: no offer yet, I want advice first",
    employerName: "Employer *", country: "Country (ISO code, e.g. NL or BE) *",
    kvkNumber: "Chamber of Commerce number (Dutch employer)", sector: "Sector *", pick: "Choose…", role: "Role *",
    duties: "Duties *", startDate: "Start date (required for a firm declaration)", hoursPerWeek: "Hours per week *",
    paid: "Paid? *", selfEmployed: "Self-employed? *", expectsContact: "Do you expect contact with your former organisation? *",
    contactDetails: "What contact (required if you expect contact)", usesKnowledge: "Do you use knowledge from your former function? *",
    knowledgeDetails: "What knowledge", submit: "Submit declaration", yes: "Yes", no: "No",
    sending: "Sending your declaration…", fix: "Please correct the fields below:",
    required: "Please fill this in.", choose: "Please choose an answer.",
  }
};

const form = document.getElementById("declaration");
// With ?id= the form changes an existing declaration: a new version, assessed again.
const editing = new URLSearchParams(location.search).get("id");

function buildChoices() {
  const select = document.getElementById("sector");
  SECTORS.forEach(code => select.append(el("option", code, { value: code, "data-t": code })));
  document.querySelectorAll(".yes-no").forEach(fieldset => {
    const field = fieldset.dataset.field;
    ["yes", "no"].forEach(answer => {
      const id = `${field}-${answer}`;
      fieldset.append(el("input", null, { type: "radio", id, name: field, value: String(answer === "yes") }),
        el("label", t(answer), { for: id, "data-t": answer }), document.createTextNode(" "));
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

const MISSING = new Set(["must not be blank", "must not be null", "must not be empty"]);
const FIELDS = Array.from(form.elements).map(e => e.name);

/** Every field error of the problem next to its field, in form order; a summary on top that takes the focus. */
function showErrors(errors) {
  const summary = document.getElementById("summary");
  const list = el("ul");
  [...errors].sort((a, b) => FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field)).forEach(({ field, message }) => {
    const input = form.elements[field];
    const choice = input instanceof RadioNodeList;
    // The service's own words, except for a missing answer, which each language says for itself.
    const text = MISSING.has(message) ? t(choice ? "choose" : "required") : message;
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
    item.append(el("a", `${t(field).replace(" *", "")}: ${text}`, { href: "#" + (target?.id ?? field) }));
    list.append(item);
  });
  summary.replaceChildren(el("p", t("fix")), list);
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
  progress.textContent = t("sending");
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
      announce(summary, `${t("problem")}: ${e.message}`, "problem");
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
  document.querySelector("h1").dataset.t = "editTitle";
  document.getElementById("submit").dataset.t = "change";
  translate();
}

buildChoices();
try {
  if (!await startPage(TEXT, translate)) {
    location.assign("/login");
  } else if (editing) {
    await prefill(editing);
  }
} catch (e) {
  announce(document.getElementById("progress"), t("failed"), "problem");
}
