// Alumni search for officers, within their own organisation. Opening a record asks why: each read
// is written to the record's audit trail with that purpose (purpose limitation, AVG art. 5).
// Functions are shown by their title from the organisation's function catalogue (retired ones too);
// a code the catalogue does not know is shown as it is. The record shows its login and whether its
// departure briefing was issued and acknowledged; an officer can (re)send the invitation and issue
// a briefing the record does not have. It shows the record's post-employment agreements (read with
// the record's purpose): an officer attaches one from the organisation's library, which proposes it
// to the alumnus, and withdraws a proposal the alumnus has not accepted.
import { addOptions, agreementPeriod, agreementState, agreementWords, announce, api, ApiProblem, clearFieldErrors,
  codes, date, el, label, options, problem, showFieldErrors, startPage, t } from "/portal.js";

/** The purposes an officer can state: the HR system's own read-back is not one of them. */
const STAFF_PURPOSES = () => codes("purpose").filter(p => p !== "REGISTRATION_CHECK");
/** The sectors an agreement can name: those of the declarations but OTHER (alumni-service has no OTHER). */
const AGREEMENT_SECTORS = () => codes("sector").filter(s => s !== "OTHER");
/** The kind of agreement that names a sector; the other kinds name a subject in words. */
const NAMES_SECTOR = "SECTOR_COOLING_OFF";
/** A field of the proposal -> the id of its input in the form. */
const AGREEMENT_FIELDS = { templateId: "agreement-template", sector: "agreement-sector", subject: "agreement-subject",
  startsOn: "agreement-starts", endsOn: "agreement-ends" };

const status = document.getElementById("status");
let results = null;
let record = null;
let purposeOfRecord = null;
/** The record's login in Keycloak: its state and the invitations sent. */
let login = null;
/** The record's departure briefing: issued, acknowledged, reminded (issuedAt null when none was issued). */
let briefing = null;
/** The record's agreements; undefined while they are read, null when they could not be read. */
let agreements;
/** The organisation's agreement library (retired ones left out); null when it could not be read. */
let library = [];
/** Function code -> title, from the catalogue. */
let titles = new Map();

function functionTitle(code) {
  return code ? titles.get(code) ?? code : "—";
}

function drawResults() {
  if (!results) {
    return;
  }
  document.getElementById("results").replaceChildren(...results.items.map(a => {
    const tr = el("tr");
    const open = el("td");
    const select = el("select", null, { id: "purpose-" + a.id, "aria-label": t("office.alumni.purpose") });
    options(select, "purpose", select.value, STAFF_PURPOSES());
    const button = el("button", t("office.alumni.open"), { type: "button", class: "small" });
    button.addEventListener("click", () => openRecord(a.id, select.value));
    open.append(select, document.createTextNode(" "), button);
    tr.append(el("td", a.fullName), el("td", a.personnelNumber), el("td", label("alumnusStatus", a.status)),
      el("td", functionTitle(a.lastFunction)), el("td", date(a.windowEnd)), open);
    return tr;
  }));
}

function drawRecord() {
  if (!record) {
    return;
  }
  const a = record;
  const dl = document.getElementById("record");
  dl.replaceChildren();
  const functions = el("ul", null, { class: "plain" });
  a.functions.forEach(f => functions.append(el("li",
    `${functionTitle(f.functionCode)} (${date(f.from)} – ${f.until ? date(f.until) : t("record.atDeparture")})`)));
  [["name", a.fullName], ["personnelNumber", a.personnelNumber], ["state", label("alumnusStatus", a.status)],
   ["unit", a.unit], ["departureDate", date(a.departureDate)], ["departureReason", a.departureReason && label("departureReason", a.departureReason)],
   ["email", a.email], ["lastFunction", functionTitle(a.lastFunction)], ["functions", a.functions.length ? functions : "—"],
   ["windowEnd", a.obligationWindow ? date(a.obligationWindow.end) : "—"]]
    .forEach(([key, value]) => {
      const dd = el("dd", value instanceof Node ? null : value ?? "—");
      if (value instanceof Node) {
        dd.append(value);
      }
      dl.append(el("dt", t(key === "state" ? "common.state" : "record." + key)), dd);
    });
  document.getElementById("logged").textContent = t("office.alumni.logged", { purpose: label("purpose", purposeOfRecord) });
  drawLogin();
  drawBriefing();
  drawAgreements();
  drawAgreementForm();
}

function drawLogin() {
  const state = document.getElementById("login-state");
  if (!login) {
    state.textContent = "";
    return;
  }
  const parts = [label("loginState", login.state)];
  if (login.invitations > 0) {
    parts.push(t("office.alumni.invitations", { n: login.invitations, moment: date(login.invitedAt) }));
  }
  if (login.lastError) {
    parts.push(t("office.alumni.loginError", { error: login.lastError }));
  }
  state.textContent = parts.join(" ");
  // An invitation can go (again) to a record with an address, whose login is not in use or removed.
  document.getElementById("invite").hidden = !record?.email || ["ACTIVE", "REMOVED"].includes(login.state);
}

function drawBriefing() {
  const state = document.getElementById("briefing-state");
  const issue = document.getElementById("issue-briefing");
  if (!briefing) {
    state.textContent = "";
    issue.hidden = true;
    return;
  }
  // The briefings that came with the registration name no officer.
  const by = briefing.issuedBy === "registration" ? t("office.alumni.byRegistration") : briefing.issuedBy;
  if (!briefing.issuedAt) {
    state.textContent = t("office.alumni.briefingNotIssued");
  } else if (briefing.acknowledgedAt) {
    state.textContent = t("office.alumni.briefingAcknowledged",
      { date: date(briefing.acknowledgedAt), revision: briefing.acknowledgedRevision ?? "—" });
  } else {
    state.textContent = t(briefing.remindedOn ? "office.alumni.briefingReminded" : "office.alumni.briefingIssued",
      { date: date(briefing.issuedAt), by, reminded: date(briefing.remindedOn) });
  }
  issue.hidden = Boolean(briefing.issuedAt);
}

/** The briefing's state, read with the purpose the record was opened for (the read is audited). */
async function loadBriefing(id, purpose) {
  try {
    briefing = await api("GET", `/api/alumni/${encodeURIComponent(id)}/briefing?purpose=${encodeURIComponent(purpose)}`);
  } catch (e) {
    briefing = null;
  }
  drawBriefing();
}

async function issueBriefing() {
  try {
    briefing = await api("POST", `/api/alumni/${encodeURIComponent(record.id)}/briefing`);
    drawBriefing();
    announce(status, t("office.alumni.briefingIssuedDone"));
    document.getElementById("briefing-state").focus();
  } catch (e) {
    announce(status, problem(e), "problem");
  }
}

function drawAgreements() {
  const rows = document.getElementById("agreement-rows");
  const single = text => {
    const tr = el("tr");
    tr.append(el("td", text, { colspan: "5" }));
    return [tr];
  };
  if (!agreements) {
    rows.replaceChildren(...(agreements === null ? single(t("office.alumni.agreementsFailed")) : []));
    return;
  }
  rows.replaceChildren(...(agreements.length === 0 ? single(t("office.alumni.noAgreements")) : agreements.map(a => {
    const title = agreementWords(a).title;
    const actions = el("td");
    if (a.status === "PROPOSED") {
      const withdraw = el("button", t("office.alumni.withdraw"), { type: "button", class: "small", id: "withdraw-" + a.id,
        "aria-label": t("office.alumni.withdrawLabel", { title }) });
      withdraw.addEventListener("click", () => withdrawAgreement(a, withdraw));
      actions.append(withdraw);
    }
    const tr = el("tr", null, { id: "agreement-" + a.id });
    tr.append(el("td", title), el("td", agreementPeriod(a)),
      el("td", agreementState(a, t("office.alumni.agreementProposed"))),
      el("td", t("office.alumni.proposedBy", { by: a.proposedBy, date: date(a.proposedAt) })), actions);
    return tr;
  })));
}

function chosenTemplate() {
  const id = document.getElementById("agreement-template").value;
  return (library ?? []).find(template => template.id === id) ?? null;
}

/**
 * The attach form in the current language, keeping what was chosen and typed: the library's
 * agreements by title and code, the sector or the subject as the chosen one's kind asks, and what
 * the dates default to.
 */
function drawAgreementForm() {
  const form = document.getElementById("agreement-form");
  const none = document.getElementById("no-templates");
  const empty = !library || library.length === 0;
  none.hidden = !empty;
  none.textContent = !library ? t("common.failed") : t("office.alumni.noTemplates");
  form.hidden = empty;
  const select = document.getElementById("agreement-template");
  const chosen = select.value;
  select.replaceChildren(el("option", t("office.alumni.chooseTemplate"), { value: "" }),
    ...(library ?? []).map(template => el("option", `${agreementWords(template).title} (${template.code})`,
      { value: template.id })));
  select.value = (library ?? []).some(template => template.id === chosen) ? chosen : "";
  const sector = document.getElementById("agreement-sector");
  if (sector.options.length === 0) {
    sector.append(el("option", t("office.alumni.chooseSector"), { value: "", "data-i18n": "office.alumni.chooseSector" }));
    addOptions(sector, "sector", AGREEMENT_SECTORS());
  }
  drawAgreementKind();
}

/** What the chosen agreement asks: a sector, or a subject; and its default length. */
function drawAgreementKind() {
  const template = chosenTemplate();
  document.getElementById("agreement-sector-field").hidden = template?.kind !== NAMES_SECTOR;
  document.getElementById("agreement-subject-field").hidden = !template || template.kind === NAMES_SECTOR;
  document.getElementById("agreement-template-hint").textContent = template
    ? t("office.alumni.templateHint", { kind: label("agreementKind", template.kind), months: template.defaultMonths,
      title: agreementWords(template).title })
    : "";
  const departure = date(record?.departureDate);
  document.getElementById("agreement-dates-hint").textContent = template
    ? t("office.alumni.datesHintMonths", { departure, months: template.defaultMonths })
    : t("office.alumni.datesHint", { departure });
}

/** An empty form for the record just opened. */
function resetAgreementForm() {
  const form = document.getElementById("agreement-form");
  form.reset();
  clearFieldErrors(form);
  document.getElementById("agreement-template").value = "";
  drawAgreementKind();
}

/** The record's agreements, read with the purpose the record was opened for (the read is audited). */
async function loadAgreements(id, purpose) {
  try {
    agreements = await api("GET",
      `/api/alumni/${encodeURIComponent(id)}/agreements?purpose=${encodeURIComponent(purpose)}`);
  } catch (e) {
    agreements = null;
  }
  drawAgreements();
}

/** The library to choose from, read again with every record opened (a retired agreement is offered no more). */
async function loadLibrary() {
  try {
    library = await api("GET", "/api/agreement-templates");
  } catch (e) {
    library = null;
  }
  drawAgreementForm();
}

/** A value the page knows is missing, said in the page's words, before anything is sent. */
function missing(id) {
  document.getElementById("error-" + id).textContent = t("common.required");
  const input = document.getElementById(id);
  input.setAttribute("aria-invalid", "true");
  input.focus();
}

async function attachAgreement(event) {
  event.preventDefault();
  const form = event.target;
  const agreementsStatus = document.getElementById("agreements-status");
  clearFieldErrors(form);
  const template = chosenTemplate();
  const sector = document.getElementById("agreement-sector").value;
  const subject = document.getElementById("agreement-subject").value.trim();
  if (!template) {
    missing("agreement-template");
    return;
  }
  if (template.kind === NAMES_SECTOR ? !sector : !subject) {
    missing(template.kind === NAMES_SECTOR ? "agreement-sector" : "agreement-subject");
    return;
  }
  const body = { templateId: template.id };
  if (template.kind === NAMES_SECTOR) {
    body.sector = sector;
  } else {
    body.subject = subject;
  }
  const startsOn = document.getElementById("agreement-starts").value;
  const endsOn = document.getElementById("agreement-ends").value;
  if (startsOn) {
    body.startsOn = startsOn;
  }
  if (endsOn) {
    body.endsOn = endsOn;
  }
  const button = document.getElementById("attach-agreement");
  button.disabled = true;
  try {
    const agreement = await api("POST", `/api/alumni/${encodeURIComponent(record.id)}/agreements`, body);
    // In the API's order: by start, then by proposal.
    agreements = [...(agreements ?? []), agreement].sort((a, b) => a.startsOn.localeCompare(b.startsOn)
      || a.proposedAt.localeCompare(b.proposedAt));
    drawAgreements();
    resetAgreementForm();
    announce(agreementsStatus, t("office.alumni.attached", { title: agreementWords(agreement).title }));
    agreementsStatus.focus();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409) {
      // The agreement was retired from the library meanwhile: it is offered no more.
      await loadLibrary();
      announce(agreementsStatus, t("office.alumni.templateRetired"), "problem");
      agreementsStatus.focus();
    } else if (!showFieldErrors(form, e, field => AGREEMENT_FIELDS[field] ?? field)) {
      announce(agreementsStatus, problem(e), "problem");
      agreementsStatus.focus();
    }
  } finally {
    button.disabled = false;
  }
}

/** Takes back a proposal; one the alumnus accepted meanwhile stays, shown as accepted. */
async function withdrawAgreement(agreement, button) {
  const agreementsStatus = document.getElementById("agreements-status");
  const title = agreementWords(agreement).title;
  button.disabled = true;
  try {
    const withdrawn = await api("POST", `/api/alumni/${encodeURIComponent(record.id)}/agreements/`
      + `${encodeURIComponent(agreement.id)}/withdrawal`);
    agreements = agreements.map(a => (a.id === withdrawn.id ? withdrawn : a));
    drawAgreements();
    announce(agreementsStatus, t("office.alumni.withdrawnDone", { title }));
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409) {
      await loadAgreements(record.id, purposeOfRecord);
      announce(agreementsStatus, t("office.alumni.acceptedMeanwhile"), "problem");
    } else {
      button.disabled = false;
      announce(agreementsStatus, problem(e), "problem");
    }
  }
  // The button is gone (or the row redrawn): the message takes the focus.
  agreementsStatus.focus();
}

async function loadLogin(id) {
  try {
    login = await api("GET", `/api/alumni/${encodeURIComponent(id)}/account`);
  } catch (e) {
    login = null;
  }
  drawLogin();
}

async function invite() {
  try {
    login = await api("POST", `/api/alumni/${encodeURIComponent(record.id)}/account/invitation`);
    drawLogin();
    announce(status, t("office.alumni.invited"));
  } catch (e) {
    announce(status, problem(e), "problem");
  }
}

function draw() {
  drawResults();
  drawRecord();
}

async function search(event) {
  event?.preventDefault();
  const params = new URLSearchParams();
  ["name", "personnelNumber"].forEach(f => { const v = document.getElementById(f).value.trim(); if (v) params.set(f, v); });
  const state = document.getElementById("status-filter").value;
  if (state) params.set("status", state);
  if (document.getElementById("windowActive").checked) params.set("windowActive", "true");
  try {
    results = await api("GET", "/api/alumni?" + params);
    drawResults();
    const n = results.items.length;
    announce(status, n === 0 ? t("office.alumni.none") : t(results.hasMore ? "office.alumni.foundMore" : "office.alumni.found", { n }));
  } catch (e) {
    announce(status, problem(e), "problem");
  }
}

async function openRecord(id, purpose) {
  try {
    record = await api("GET", `/api/alumni/${encodeURIComponent(id)}?purpose=${encodeURIComponent(purpose)}`);
    purposeOfRecord = purpose;
    login = null;
    briefing = null;
    agreements = undefined;
    const agreementsStatus = document.getElementById("agreements-status");
    agreementsStatus.textContent = "";
    agreementsStatus.className = "";
    resetAgreementForm();
    drawRecord();
    await Promise.all([loadLogin(id), loadBriefing(id, purpose), loadAgreements(id, purpose), loadLibrary()]);
    document.getElementById("record-section").hidden = false;
    document.getElementById("record-heading").scrollIntoView();
  } catch (e) {
    announce(status, problem(e), "problem");
  }
}

/** The titles of the organisation's functions, retired ones included (a record keeps the function it had). */
async function loadTitles() {
  const profiles = await api("GET", "/api/function-profiles?includeRetired=true");
  titles = new Map(profiles.map(p => [p.code, p.title]));
}

document.getElementById("search").addEventListener("submit", search);
document.getElementById("invite").addEventListener("click", invite);
document.getElementById("issue-briefing").addEventListener("click", issueBriefing);
document.getElementById("agreement-template").addEventListener("change", () => {
  clearFieldErrors(document.getElementById("agreement-form"));
  drawAgreementKind();
});
document.getElementById("agreement-form").addEventListener("submit", attachAgreement);

try {
  if (!await startPage(draw)) {
    location.assign("/login");
  } else {
    addOptions(document.getElementById("status-filter"), "alumnusStatus");
    await loadTitles();
  }
} catch (e) {
  announce(status, t("common.failed"), "problem");
}
