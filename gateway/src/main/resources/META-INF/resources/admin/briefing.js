// The general text of the departure briefing, one per language (Dutch and English): change it (a new
// revision, made on the revision the administrator saw: expectedRevision; the same text adds none)
// and read every earlier revision back. A change in between is reported, not overwritten.
import { announce, api, ApiProblem, clearFieldErrors, el, moment, paragraphs, problem, showFieldErrors,
  t } from "/portal.js";
import { startAdminPage } from "/admin/nav.js";

const LANGUAGES = ["nl", "en"];
const PARTS = ["introduction", "whatToDeclare", "howToDeclare", "contact"];

const status = document.getElementById("status");
/** The current revision per language (absent when the organisation has no text in it). */
let texts = {};
/** Every revision per language, newest first. */
let histories = {};
let loaded = false;

function form(language) {
  return document.getElementById("briefing-form-" + language);
}

/** Puts the current revision's text in the language's form (what was typed there is replaced). */
function fill(language) {
  const text = texts[language];
  clearFieldErrors(form(language));
  PARTS.forEach(part => { document.getElementById(`${part}-${language}`).value = text?.[part] ?? ""; });
  form(language).hidden = !text;
}

/** One earlier revision: who and when, its text when opened. */
function historyEntry(revision) {
  const item = el("li");
  const details = el("details");
  details.append(el("summary", t("admin.briefing.historyEntry",
    { revision: revision.revision, by: revision.changedBy, moment: moment(revision.changedAt) })));
  const dl = el("dl");
  PARTS.forEach(part => {
    const dd = el("dd");
    paragraphs(dd, revision[part], revision.language);
    dl.append(el("dt", t("briefing." + part)), dd);
  });
  details.append(dl);
  item.append(details);
  return item;
}

/** The texts the page wrote itself, in the current language; the forms keep what was typed. */
function draw() {
  if (!loaded) {
    return;
  }
  LANGUAGES.forEach(language => {
    const text = texts[language];
    document.getElementById("revision-" + language).textContent = text
      ? t("admin.briefing.revision", { revision: text.revision, by: text.changedBy, moment: moment(text.changedAt) })
      : t("admin.briefing.noText");
    const history = histories[language] ?? [];
    document.getElementById("history-" + language).replaceChildren(...(history.length === 0
      ? [el("li", t("admin.noRows"))] : history.map(historyEntry)));
  });
}

async function loadTexts() {
  const current = await api("GET", "/api/briefing-texts");
  texts = Object.fromEntries(current.map(text => [text.language, text]));
}

async function loadHistory(language) {
  histories[language] = texts[language]
    ? await api("GET", `/api/briefing-texts/${encodeURIComponent(language)}/revisions`) : [];
}

async function load() {
  await loadTexts();
  await Promise.all(LANGUAGES.map(loadHistory));
  LANGUAGES.forEach(fill);
  loaded = true;
  draw();
}

/** A 409 means another administrator saved first: show their text rather than overwrite it. */
async function reloadAfterConflict(language) {
  await loadTexts();
  await loadHistory(language);
  fill(language);
  draw();
  announce(status, t("admin.stale"), "problem");
  status.focus();
}

async function save(event) {
  event.preventDefault();
  const language = event.target.dataset.language;
  const before = texts[language];
  clearFieldErrors(event.target);
  const body = { expectedRevision: before.revision };
  PARTS.forEach(part => { body[part] = document.getElementById(`${part}-${language}`).value.trim(); });
  try {
    const saved = await api("PUT", "/api/briefing-texts/" + encodeURIComponent(language), body);
    texts[language] = saved;
    await loadHistory(language);
    fill(language);
    draw();
    const message = saved.revision === before.revision ? "admin.briefing.unchanged" : "admin.briefing.saved";
    announce(status, t(message, { language: t("admin.briefing.languageName." + language), revision: saved.revision }));
    status.focus();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409) {
      await reloadAfterConflict(language).catch(() => announce(status, t("common.failed"), "problem"));
    } else if (!showFieldErrors(event.target, e, field => `${field}-${language}`)) {
      announce(status, problem(e), "problem");
      status.focus();
    }
  }
}

LANGUAGES.forEach(language => form(language).addEventListener("submit", save));

if (await startAdminPage(status, draw)) {
  await load().catch(() => announce(status, t("common.failed"), "problem"));
}
