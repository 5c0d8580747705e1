// Shared by the portal's pages: the language (Dutch by default, English on request), the logged-in
// session from the gateway (/session; no token ever reaches the browser), and calls to the APIs
// with the session's CSRF token. Text from the APIs is only ever set as textContent, never as HTML.
"use strict";

/** The sector codes of declaration-service and the function catalogue, with their labels in COMMON. */
export const SECTORS = ["ICT", "CYBER_SECURITY", "PRIVATE_INVESTIGATION", "PRIVATE_SECURITY", "LEGAL_SERVICES",
  "FINANCIAL_SERVICES", "TELECOM", "DEFENCE_INDUSTRY", "AVIATION", "TRANSPORT_LOGISTICS", "PUBLIC_ADMINISTRATION",
  "CONSULTANCY", "HOSPITALITY", "OTHER"];

const COMMON = {
  nl: {
    skip: "Naar de inhoud", brand: "Integriteitsplatform Politie en KMar", switch: "English",
    login: "Inloggen", logout: "Uitloggen", signedInAs: "Ingelogd als", home: "Start",
    failed: "Het portaal is nu niet bereikbaar. Probeer het later opnieuw.",
    problem: "Dat lukte niet", required: "Vul dit in.",
    employerName: "Werkgever", role: "Functie", sector: "Sector", country: "Land", kvkNumber: "KvK-nummer",
    startDate: "Begindatum", hoursPerWeek: "Uren per week", duties: "Werkzaamheden", yes: "ja", no: "nee",
    paid: "Betaald", selfEmployed: "Zelfstandige", expectsContact: "Contact met oude organisatie",
    usesKnowledge: "Kennis uit oude functie",
    ICT: "ICT", CYBER_SECURITY: "Cyberbeveiliging", PRIVATE_INVESTIGATION: "Particuliere recherche",
    PRIVATE_SECURITY: "Beveiliging", LEGAL_SERVICES: "Juridische dienstverlening", FINANCIAL_SERVICES: "Financiële dienstverlening",
    TELECOM: "Telecom", DEFENCE_INDUSTRY: "Defensie-industrie", AVIATION: "Luchtvaart",
    TRANSPORT_LOGISTICS: "Transport en logistiek", PUBLIC_ADMINISTRATION: "Openbaar bestuur", CONSULTANCY: "Advies",
    HOSPITALITY: "Horeca", OTHER: "Anders"
  },
  en: {
    skip: "Skip to content", brand: "Integrity platform of Politie and KMar", switch: "Nederlands",
    login: "Log in", logout: "Log out", signedInAs: "Logged in as", home: "Home",
    failed: "The portal cannot be reached now. Please try again later.",
    problem: "That did not work", required: "Please fill this in.",
    employerName: "Employer", role: "Role", sector: "Sector", country: "Country", kvkNumber: "Chamber of Commerce number",
    startDate: "Start date", hoursPerWeek: "Hours per week", duties: "Duties", yes: "yes", no: "no",
    paid: "Paid", selfEmployed: "Self-employed", expectsContact: "Contact with former organisation",
    usesKnowledge: "Knowledge from former function",
    ICT: "ICT", CYBER_SECURITY: "Cyber security", PRIVATE_INVESTIGATION: "Private investigation",
    PRIVATE_SECURITY: "Security", LEGAL_SERVICES: "Legal services", FINANCIAL_SERVICES: "Financial services",
    TELECOM: "Telecom", DEFENCE_INDUSTRY: "Defence industry", AVIATION: "Aviation",
    TRANSPORT_LOGISTICS: "Transport and logistics", PUBLIC_ADMINISTRATION: "Public administration", CONSULTANCY: "Consultancy",
    HOSPITALITY: "Hospitality", OTHER: "Other"
  }
};

let pageText = { nl: {}, en: {} };
let csrfToken = null;

export function language() {
  return localStorage.getItem("integrity.lang") === "en" ? "en" : "nl";
}

/** The text of `key` in the current language. */
export function t(key) {
  const lang = language();
  return pageText[lang][key] ?? COMMON[lang][key] ?? key;
}

/** Fills every [data-t] element with its text; called again when the language changes. */
export function translate() {
  document.documentElement.lang = language();
  document.querySelectorAll("[data-t]").forEach(el => { el.textContent = t(el.dataset.t); });
  const toggle = document.getElementById("lang");
  if (toggle) {
    toggle.setAttribute("aria-pressed", String(language() === "en"));
  }
}

/**
 * Starts a page: its texts, the language switch (`onLanguage` redraws what the page wrote itself)
 * and the session. Resolves to the session, or null when nobody is logged in.
 */
export async function startPage(texts, onLanguage = () => {}) {
  pageText = texts;
  drawHeader();
  translate();
  document.getElementById("lang")?.addEventListener("click", () => {
    localStorage.setItem("integrity.lang", language() === "en" ? "nl" : "en");
    translate();
    onLanguage();
  });
  const response = await fetch("/session", { headers: { Accept: "application/json" } });
  if (response.status === 401) {
    return null;
  }
  if (!response.ok) {
    throw new Error("session " + response.status);
  }
  const session = await response.json();
  csrfToken = session.csrfToken;
  return session;
}

/** The header every page behind the login shares: home link, language switch, logout. */
function drawHeader() {
  const header = document.getElementById("site-header");
  if (!header) {
    return;
  }
  const brand = el("p", null, { class: "brand" });
  brand.append(el("a", null, { href: "/", "data-t": "brand" }));
  const nav = el("nav", null, { "aria-label": "Taal / Language" });
  const logout = el("form", null, { method: "post", action: "/logout", class: "inline" });
  logout.append(el("button", null, { type: "submit", "data-t": "logout" }));
  nav.append(el("button", null, { type: "button", id: "lang", "aria-pressed": "false", "data-t": "switch" }), logout);
  header.replaceChildren(brand, nav);
}

/** A declared activity (a declaration version) as the terms of a definition list. */
export function describeActivity(dl, a) {
  const yesNo = value => t(value ? "yes" : "no");
  dl.replaceChildren();
  [["employerName", a.employerName], ["kvkNumber", a.kvkNumber], ["country", a.country], ["sector", a.sector],
   ["role", a.role], ["duties", a.duties], ["startDate", date(a.startDate)], ["hoursPerWeek", a.hoursPerWeek],
   ["paid", yesNo(a.paid)], ["selfEmployed", yesNo(a.selfEmployed)],
   ["expectsContact", yesNo(a.expectsContact) + (a.contactDetails ? ": " + a.contactDetails : "")],
   ["usesKnowledge", yesNo(a.usesKnowledge) + (a.knowledgeDetails ? ": " + a.knowledgeDetails : "")]]
    .filter(([, value]) => value !== null && value !== undefined)
    .forEach(([key, value]) => dl.append(el("dt", t(key)), el("dd", value)));
}

/**
 * Calls an API through the gateway with the session; a problem (RFC 9457) is thrown as ApiProblem.
 * The body goes as JSON, or as it is when a `contentType` is given (a file to upload).
 */
export async function api(method, path, body, contentType) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) {
    headers["Content-Type"] = contentType ?? "application/json";
  }
  if (method !== "GET") {
    headers["X-CSRF-Token"] = csrfToken;
  }
  const sent = body === undefined || contentType ? body : JSON.stringify(body);
  const response = await fetch(path, { method, headers, body: sent });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiProblem(response.status, data);
  }
  return data;
}

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || "HTTP " + status);
    this.status = status;
    this.problem = problem || {};
  }
}

/** An element with text content (never HTML) and attributes. */
export function el(tag, text, attributes = {}) {
  const element = document.createElement(tag);
  if (text !== undefined && text !== null) {
    element.textContent = String(text);
  }
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
  return element;
}

const MISSING = new Set(["must not be blank", "must not be null", "must not be empty"]);

/** Takes away the field errors `showFieldErrors` put in `container`. */
export function clearFieldErrors(container) {
  container.querySelectorAll(".field-error").forEach(p => { p.textContent = ""; });
  container.querySelectorAll("[aria-invalid]").forEach(e => e.removeAttribute("aria-invalid"));
}

/**
 * Shows each field error of a problem (RFC 9457 with `errors`) in the element "error-" + slot(field)
 * inside `container`, marks the input with that id (or, for a choice, that name) invalid and focuses
 * the first. A missing value is said in the page's words: `missing(slot)` ("required" by default).
 * Returns false when the error names no field, so the caller shows it as a whole.
 */
export function showFieldErrors(container, error, slot = field => field, missing = () => t("required")) {
  const errors = error instanceof ApiProblem && Array.isArray(error.problem.errors) ? error.problem.errors : [];
  let first = null;
  errors.forEach(({ field, message }) => {
    const name = slot(field ?? "");
    const place = container.querySelector(`[id="error-${CSS.escape(name)}"]`);
    if (!place) {
      return;
    }
    const text = MISSING.has(message) ? missing(name) : message;
    place.textContent = place.textContent ? `${place.textContent} ${text}` : text;
    const input = container.querySelector(`[id="${CSS.escape(name)}"]`)
      ?? container.querySelector(`[name="${CSS.escape(name)}"]`);
    input?.setAttribute("aria-invalid", "true");
    first = first ?? input ?? place;
  });
  if (first) {
    if (!first.hasAttribute("tabindex") && !["INPUT", "SELECT", "TEXTAREA", "BUTTON"].includes(first.tagName)) {
      first.setAttribute("tabindex", "-1");
    }
    first.focus();
  }
  return first !== null;
}

/** Shows a message in a live region: success, or a problem with its detail. */
export function announce(region, message, kind = "success") {
  region.className = "notice " + kind;
  region.textContent = message;
}

/** A date (yyyy-mm-dd) as the reader's language writes it. */
export function date(value) {
  if (!value) {
    return "—";
  }
  return new Date(value + (value.length === 10 ? "T12:00:00" : "")).toLocaleDateString(language() === "en" ? "en-GB" : "nl-NL",
    { day: "numeric", month: "long", year: "numeric" });
}

/** A moment (ISO instant) as the reader's language writes it. */
export function moment(value) {
  return value ? new Date(value).toLocaleString(language() === "en" ? "en-GB" : "nl-NL",
    { dateStyle: "medium", timeStyle: "short" }) : "—";
}
