// Shared by the portal's pages: the language (Dutch by default, English on request), the portal's
// texts, the page chrome every page shares (skip link, header with language switch and logout), the
// logged-in session from the gateway (/session; no token ever reaches the browser), and calls to the
// APIs with the session's CSRF token. Text from the APIs is only ever set as textContent, never as HTML.
//
// Texts: one message file per language, /i18n/nl.json and /i18n/en.json, with the same keys. A page
// names a text by its key: in HTML with data-i18n="key" (data-i18n-label="key" for an aria-label;
// data-required adds " *"), in script with t("key", { name: value }), which fills {name}. The labels
// of the backend's enums are one table per enum under "enum" (key = the enum constant): label(table,
// code) names one code, codes(table) lists them in the table's order for filters, selects and choices.
"use strict";

const STORAGE_KEY = "integrity.lang";
/** The loaded message files by language. */
const messages = {};
let csrfToken = null;

export function language() {
  return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "nl";
}

async function loadMessages(lang) {
  if (!messages[lang]) {
    const response = await fetch(`/i18n/${lang}.json`, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      throw new Error("messages " + response.status);
    }
    messages[lang] = await response.json();
  }
  return messages[lang];
}

function lookup(key) {
  return key.split(".").reduce((node, part) => (node && typeof node === "object" ? node[part] : undefined),
    messages[language()]);
}

/** The text of `key` in the current language, each {name} in it filled from `params`; the key itself when unknown. */
export function t(key, params = {}) {
  const text = lookup(key);
  if (typeof text !== "string") {
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The label of one constant of a backend enum (its table under "enum"); the code itself when it has none. */
export function label(table, code) {
  if (code === null || code === undefined) {
    return "—";
  }
  return lookup("enum." + table)?.[code] ?? String(code);
}

/** The constants of a backend enum, in the order of its table. */
export function codes(table) {
  return Object.keys(lookup("enum." + table) ?? {});
}

/** "That did not work: …" with the problem's own detail. */
export function problem(error) {
  return t("common.problem", { detail: error.message });
}

/** Fills every text named by a key inside `root` (data-i18n, data-i18n-label, data-enum); again when the language changes. */
export function translate(root = document) {
  document.documentElement.lang = language();
  root.querySelectorAll("[data-i18n]").forEach(e => {
    e.textContent = t(e.dataset.i18n) + (e.hasAttribute("data-required") ? " *" : "");
  });
  root.querySelectorAll("[data-i18n-label]").forEach(e => e.setAttribute("aria-label", t(e.dataset.i18nLabel)));
  root.querySelectorAll("[data-enum]").forEach(e => { e.textContent = label(e.dataset.enum, e.dataset.code); });
  const toggle = document.getElementById("lang");
  if (toggle) {
    toggle.setAttribute("aria-pressed", String(language() === "en"));
  }
}

/**
 * Starts a page: the shared chrome, the texts, the language switch (`onLanguage` redraws what the
 * page wrote itself) and the session. Resolves to the session, or null when nobody is logged in.
 */
export async function startPage(onLanguage = () => {}) {
  drawChrome();
  const sessionAnswer = fetch("/session", { headers: { Accept: "application/json" } });
  await loadMessages(language());
  translate();
  document.getElementById("lang").addEventListener("click", async () => {
    const next = language() === "en" ? "nl" : "en";
    await loadMessages(next);
    localStorage.setItem(STORAGE_KEY, next);
    translate();
    onLanguage();
  });
  const response = await sessionAnswer;
  if (response.status === 401) {
    return null;
  }
  if (!response.ok) {
    throw new Error("session " + response.status);
  }
  const session = await response.json();
  csrfToken = session.csrfToken;
  drawLogout();
  return session;
}

/** What every page shares before its own content: the skip link and the header (home link, language switch). */
function drawChrome() {
  const brand = el("p", null, { class: "brand" });
  brand.append(el("a", null, { href: "/", "data-i18n": "common.brand" }));
  const nav = el("nav", null, { id: "site-nav", "data-i18n-label": "common.languageNav" });
  nav.append(el("button", null, { type: "button", id: "lang", "aria-pressed": "false", "data-i18n": "common.switch" }));
  const header = el("header", null, { id: "site-header" });
  header.append(brand, nav);
  document.body.prepend(el("a", null, { class: "skip", href: "#main", "data-i18n": "common.skip" }), header);
}

/** The logout button in the header, once someone is logged in. */
function drawLogout() {
  const logout = el("form", null, { method: "post", action: "/logout", class: "inline" });
  logout.append(el("button", t("common.logout"), { type: "submit", "data-i18n": "common.logout" }));
  document.getElementById("site-nav").append(logout);
}

/** A declared activity (a declaration version) as the terms of a definition list. */
export function describeActivity(dl, a) {
  const yesNo = value => t(value ? "common.yes" : "common.no");
  dl.replaceChildren();
  [["employerName", a.employerName], ["kvkNumber", a.kvkNumber], ["country", a.country], ["sector", label("sector", a.sector)],
   ["role", a.role], ["duties", a.duties], ["startDate", date(a.startDate)], ["hoursPerWeek", a.hoursPerWeek],
   ["paid", yesNo(a.paid)], ["selfEmployed", yesNo(a.selfEmployed)],
   ["expectsContact", yesNo(a.expectsContact) + (a.contactDetails ? ": " + a.contactDetails : "")],
   ["usesKnowledge", yesNo(a.usesKnowledge) + (a.knowledgeDetails ? ": " + a.knowledgeDetails : "")]]
    .filter(([, value]) => value !== null && value !== undefined)
    .forEach(([key, value]) => dl.append(el("dt", t("activity." + key)), el("dd", value)));
}

/** A post-employment agreement's title and text in the reader's language: the words it was proposed with. */
export function agreementWords(agreement) {
  return language() === "en" ? { title: agreement.titleEn, text: agreement.textEn }
    : { title: agreement.titleNl, text: agreement.textNl };
}

/** The period of an agreement: it binds from its start date up to its end date. */
export function agreementPeriod(agreement) {
  return t("agreement.period", { start: date(agreement.startsOn), end: date(agreement.endsOn) });
}

/**
 * Where an accepted or withdrawn agreement stands: accepted on a date and in force, ended or binding
 * later; withdrawn by whom and when. A proposed one is said by the page (`proposed`), for whom it is.
 */
export function agreementState(agreement, proposed) {
  if (agreement.status === "PROPOSED") {
    return proposed;
  }
  if (agreement.status === "WITHDRAWN") {
    return t("agreement.withdrawn", { by: agreement.withdrawnBy ?? "—", date: date(agreement.withdrawnAt) });
  }
  const accepted = t("agreement.acceptedOn", { date: date(agreement.acceptedAt) });
  const now = agreement.inForce ? t("agreement.inForce")
    : agreement.ended ? t("agreement.ended", { date: date(agreement.endsOn) })
      : t("agreement.startsLater", { date: date(agreement.startsOn) });
  return `${accepted} — ${now}`;
}

/** An <option> per code of an enum table (or of `list`, its codes a page may offer), `selected` chosen. */
export function options(select, table, selected, list = codes(table)) {
  select.replaceChildren(...list.map(code => {
    const option = el("option", label(table, code), { value: code, "data-enum": table, "data-code": code });
    option.selected = code === selected;
    return option;
  }));
}

/** Adds an <option> per code of an enum table after the options `select` has (such as "all"). */
export function addOptions(select, table, list = codes(table)) {
  select.append(...list.map(code => el("option", label(table, code), { value: code, "data-enum": table, "data-code": code })));
}

/** A checkbox per code (of an enum table, or `list`) in `container`, ids prefix-CODE, those in `checked` ticked. */
export function checkboxes(container, prefix, table, checked, list = codes(table)) {
  container.replaceChildren(...list.map(code => {
    const wrap = el("div");
    const box = el("input", null, { type: "checkbox", id: `${prefix}-${code}`, value: code });
    box.checked = checked.includes(code);
    wrap.append(box, el("label", label(table, code), { for: box.id, class: "inline", "data-enum": table, "data-code": code }));
    return wrap;
  }));
}

/** The codes ticked among the checkboxes in `container`. */
export function ticked(container) {
  return [...container.querySelectorAll("input[type=checkbox]:checked")].map(box => box.value);
}

/** A radio button per code of an enum table, named `name`, ids name-CODE, before `before` in `fieldset`. */
export function radios(fieldset, name, table, checked, before = null) {
  codes(table).forEach(code => {
    const radio = el("input", null, { type: "radio", id: `${name}-${code}`, name, value: code });
    radio.checked = code === checked;
    fieldset.insertBefore(radio, before);
    fieldset.insertBefore(el("label", label(table, code), { for: radio.id, "data-enum": table, "data-code": code }), before);
    fieldset.insertBefore(el("br"), before);
  });
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

/**
 * Plain text as paragraphs in `container`: one <p> per block between blank lines, a single line
 * break kept as a <br>; only ever as text. `language` marks the text's own language (lang) when given.
 */
export function paragraphs(container, text, language) {
  if (language) {
    container.setAttribute("lang", language);
  }
  container.replaceChildren(...(text ?? "").split(/\n\s*\n/).map(block => block.trim()).filter(block => block)
    .map(block => {
      const p = el("p");
      block.split("\n").forEach((line, i) => {
        if (i > 0) {
          p.append(el("br"));
        }
        p.append(document.createTextNode(line.trim()));
      });
      return p;
    }));
}

const MISSING = new Set(["must not be blank", "must not be null", "must not be empty"]);

/** True when a field error of the service says only that a value is missing (each language says that itself). */
export function isMissing(message) {
  return MISSING.has(message);
}

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
export function showFieldErrors(container, error, slot = field => field, missing = () => t("common.required")) {
  const errors = error instanceof ApiProblem && Array.isArray(error.problem.errors) ? error.problem.errors : [];
  let first = null;
  errors.forEach(({ field, message }) => {
    const name = slot(field ?? "");
    const place = container.querySelector(`[id="error-${CSS.escape(name)}"]`);
    if (!place) {
      return;
    }
    const text = isMissing(message) ? missing(name) : message;
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
