// Alumni search for officers, within their own organisation. Opening a record asks why: each read
// is written to the record's audit trail with that purpose (purpose limitation, AVG art. 5).
// Functions are shown by their title from the organisation's function catalogue (retired ones too);
// a code the catalogue does not know is shown as it is. The record shows its login and whether its
// departure briefing was issued and acknowledged; an officer can (re)send the invitation and issue
// a briefing the record does not have. It shows the record's post-employment agreements (read with
// the record's purpose): an officer attaches one from the organisation's library, which proposes it
// to the alumnus, and withdraws a proposal the alumnus has not accepted. Its exit interviews (read with
// the record's purpose): an officer schedules one, records one held (a scheduled one or one without
// an appointment) with the topics of the checklist, the summary the alumnus sees and acknowledges and
// the office's own notes, and corrects a held one until the alumnus acknowledged it. Its aftercare
// plan (read with the record's purpose): an officer makes one where there is none, and records how
// each contact moment went. Its requests for correction and objections (AVG art. 16 and 21): read with
// the purpose of a data subject request, at once when the record was opened for one and otherwise when
// the officer asks; they are answered on the requests page.
import { addOptions, agreementPeriod, agreementState, agreementWords, announce, api, ApiProblem, checkboxes,
  clearFieldErrors, codes, date, el, isMissing, label, options, paragraphs, problem, showFieldErrors, startPage, t,
  ticked } from "/portal.js";

/** The purposes an officer can state: the HR system's own read-back is not one of them. */
const STAFF_PURPOSES = () => codes("purpose").filter(p => p !== "REGISTRATION_CHECK");
/** The sectors an agreement can name: those of the declarations but OTHER (alumni-service has no OTHER). */
const AGREEMENT_SECTORS = () => codes("sector").filter(s => s !== "OTHER");
/** The kind of agreement that names a sector; the other kinds name a subject in words. */
const NAMES_SECTOR = "SECTOR_COOLING_OFF";
/** A field of the proposal -> the id of its input in the form. */
const AGREEMENT_FIELDS = { templateId: "agreement-template", sector: "agreement-sector", subject: "agreement-subject",
  startsOn: "agreement-starts", endsOn: "agreement-ends" };
/** A field of an appointment -> the id of its input in the schedule form. */
const APPOINTMENT_FIELDS = { scheduledFor: "interview-scheduled-for", interviewer: "interview-schedule-interviewer" };
/** A field of an interview held -> the id of its input in the interview form. */
const INTERVIEW_FIELDS = { heldOn: "interview-held-on", interviewer: "interview-interviewer",
  obligationsBriefed: "interview-briefed", topics: "interview-topics", summary: "interview-summary",
  notes: "interview-notes" };
/** A field of a contact moment's record -> the id of its input in the contact form. */
const CONTACT_FIELDS = { doneOn: "contact-done-on", outcome: "contact-outcome", notes: "contact-notes" };

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
/** The record's exit interviews, scheduled and held; undefined while they are read, null when they could not be read. */
let interviews;
/** The held interview the interview form corrects; null when the form records one. */
let editing = null;
/** The appointment chosen in the interview form ("": none); undefined until the officer chooses (the first one). */
let appointment;
/** What the interview form's fields were filled with from an appointment (input id -> value). */
let prefilled = {};
/** The record's aftercare contact moments (empty: no plan); undefined while they are read, null when they could not be read. */
let aftercare;
/** The contact moment the contact form records; null when the form is closed. */
let contact = null;
/** The record's requests for correction and objections; undefined until read, null when they could not be read. */
let recordRequests;
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
  drawInterviews();
  drawInterviewForm();
  drawAftercare();
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
  wrong(id, t("common.required"));
}

/** A value the page knows is wrong (or the service said so), said in the page's words at its field. */
function wrong(id, text) {
  document.getElementById("error-" + id).textContent = text;
  const input = document.getElementById(id);
  input.setAttribute("aria-invalid", "true");
  input.focus();
}

/** True when the service's problem names `field` for another reason than a missing value. */
function invalid(error, field) {
  return error instanceof ApiProblem && Array.isArray(error.problem.errors)
    && error.problem.errors.some(e => e.field === field && !isMissing(e.message));
}

/** Today in the browser's time zone, as a date field holds it (yyyy-mm-dd). */
function today() {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map(n => String(n).padStart(2, "0")).join("-");
}

/** Empties a status region of the record (a record just opened says nothing yet). */
function quiet(id) {
  const region = document.getElementById(id);
  region.textContent = "";
  region.className = "";
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

/** In the API's order: by the day held (or scheduled for), then by when recorded. */
function interviewOrder(a, b) {
  return (a.heldOn ?? a.scheduledFor).localeCompare(b.heldOn ?? b.scheduledFor) || a.recordedAt.localeCompare(b.recordedAt);
}

/** Where an interview stands for the alumnus: to be held, acknowledged, awaiting acknowledgement or nothing to it. */
function interviewState(interview) {
  if (interview.status !== "HELD") {
    return t("office.alumni.interviewScheduled");
  }
  if (interview.acknowledgedAt) {
    return t("office.alumni.interviewAcknowledged", { date: date(interview.acknowledgedAt) });
  }
  return interview.obligationsBriefed || interview.summary ? t("office.alumni.interviewAwaiting")
    : t("office.alumni.interviewNothingToAcknowledge");
}

/** Plain text as paragraphs in a <div>; a dash when there is none. */
function textBlock(text) {
  if (!text) {
    return "—";
  }
  const div = el("div");
  paragraphs(div, text);
  return div;
}

/** One interview: when, with whom, and for one held what was discussed, the summary, the notes; "Change" until acknowledged. */
function interviewArticle(interview) {
  const held = interview.status === "HELD";
  const titleId = "interview-title-" + interview.id;
  const article = el("article", null, { id: "interview-" + interview.id, class: "interview", "aria-labelledby": titleId });
  const dl = el("dl");
  const term = (key, value, attributes = {}) => {
    const dd = el("dd", value instanceof Node ? null : value, attributes);
    if (value instanceof Node) {
      dd.append(value);
    }
    dl.append(el("dt", t(key)), dd);
  };
  term("office.alumni.interviewer", interview.interviewer);
  if (held) {
    const topics = el("ul", null, { class: "plain" });
    topics.append(...interview.topics.map(code => el("li", label("interviewTopic", code))));
    term("office.alumni.obligationsBriefed", t(interview.obligationsBriefed ? "common.yes" : "common.no"));
    term("office.alumni.topics", interview.topics.length ? topics : "—");
    term("office.alumni.summary", textBlock(interview.summary));
    term("office.alumni.notes", textBlock(interview.notes));
  }
  term("common.state", interviewState(interview), { id: "interview-state-" + interview.id });
  term("office.alumni.recordedBy", t("office.alumni.byOn", { by: interview.recordedBy, date: date(interview.recordedAt) }));
  article.append(el("h4", held ? t("office.alumni.heldOn", { date: date(interview.heldOn) })
    : t("office.alumni.scheduledFor", { date: date(interview.scheduledFor) }), { id: titleId }), dl);
  if (held && !interview.acknowledgedAt) {
    const edit = el("button", t("common.edit"), { type: "button", class: "small", id: "edit-interview-" + interview.id,
      "aria-describedby": titleId });
    edit.addEventListener("click", () => editInterview(interview));
    article.append(edit);
  }
  return article;
}

function drawInterviews() {
  const list = document.getElementById("interview-list");
  if (!interviews) {
    list.replaceChildren(...(interviews === null ? [el("p", t("office.alumni.interviewsFailed"))] : []));
    return;
  }
  list.replaceChildren(...(interviews.length === 0 ? [el("p", t("office.alumni.noInterviews"))]
    : interviews.map(interviewArticle)));
}

/** The scheduled interviews the interview form can record as held. */
function appointments() {
  return (interviews ?? []).filter(i => i.status === "SCHEDULED");
}

/**
 * The interview form in the current language, keeping what was typed: recording one (a scheduled
 * one chosen, by default the first) or correcting a held one.
 */
function drawInterviewForm() {
  const scheduled = appointments();
  const select = document.getElementById("interview-appointment");
  select.replaceChildren(...scheduled.map(i => el("option",
    t("office.alumni.appointment", { date: date(i.scheduledFor), interviewer: i.interviewer }), { value: i.id })),
  el("option", t("office.alumni.notScheduled"), { value: "" }));
  select.value = [...select.options].some(o => o.value === appointment) ? appointment : scheduled[0]?.id ?? "";
  document.getElementById("interview-appointment-field").hidden = Boolean(editing) || scheduled.length === 0;
  document.getElementById("interview-form-heading").textContent = editing
    ? t("office.alumni.correctInterview", { date: date(editing.heldOn) }) : t("office.alumni.recordInterview");
  document.getElementById("record-interview").textContent = editing ? t("office.alumni.saveCorrection")
    : t("office.alumni.recordInterview");
  document.getElementById("cancel-interview-edit").hidden = !editing;
  document.getElementById("interview-held-on").max = today();
  document.getElementById("interview-scheduled-for").min = today();
}

/** The appointment chosen, when the form records one. */
function chosenAppointment() {
  const id = document.getElementById("interview-appointment").value;
  return editing ? null : appointments().find(i => i.id === id) ?? null;
}

/**
 * What the chosen appointment tells: the interviewer, and its day once it came; in the fields still
 * empty or as an earlier appointment filled them (what the officer typed stays).
 */
function fillFromAppointment() {
  if (editing) {
    return;
  }
  const chosen = chosenAppointment();
  const fill = (id, value) => {
    const input = document.getElementById(id);
    if (!input.value.trim() || input.value === prefilled[id]) {
      input.value = value;
      prefilled[id] = value;
    }
  };
  fill("interview-interviewer", chosen?.interviewer ?? "");
  fill("interview-held-on", chosen && chosen.scheduledFor <= today() ? chosen.scheduledFor : "");
}

/** An empty interview form, recording an interview (the first appointment chosen, if any). */
function resetInterviewForm() {
  const form = document.getElementById("interview-form");
  form.reset();
  clearFieldErrors(form);
  editing = null;
  appointment = undefined;
  prefilled = {};
  checkboxes(document.getElementById("topic-choices"), "topic", "interviewTopic", []);
  drawInterviewForm();
  fillFromAppointment();
}

function resetScheduleForm() {
  const form = document.getElementById("interview-schedule-form");
  form.reset();
  clearFieldErrors(form);
}

/** The form filled with a held interview, to correct it; its heading takes the focus. */
function editInterview(interview) {
  resetInterviewForm();
  editing = interview;
  prefilled = {};
  document.getElementById("interview-held-on").value = interview.heldOn;
  document.getElementById("interview-interviewer").value = interview.interviewer;
  document.getElementById("interview-briefed").checked = interview.obligationsBriefed;
  checkboxes(document.getElementById("topic-choices"), "topic", "interviewTopic", interview.topics);
  document.getElementById("interview-summary").value = interview.summary ?? "";
  document.getElementById("interview-notes").value = interview.notes ?? "";
  drawInterviewForm();
  document.getElementById("interview-form-heading").focus();
}

/** The record's interviews, read with the purpose the record was opened for (the read is audited). */
async function loadInterviews(id, purpose) {
  try {
    interviews = (await api("GET",
      `/api/alumni/${encodeURIComponent(id)}/exit-interviews?purpose=${encodeURIComponent(purpose)}`)).sort(interviewOrder);
  } catch (e) {
    interviews = null;
  }
  drawInterviews();
  drawInterviewForm();
}

/** An interview the service answered with, in the list; the list read again when it could not be read before. */
async function keepInterview(saved) {
  if (interviews) {
    interviews = [...interviews.filter(i => i.id !== saved.id), saved].sort(interviewOrder);
    drawInterviews();
  } else {
    await loadInterviews(record.id, purposeOfRecord);
  }
}

async function scheduleInterview(event) {
  event.preventDefault();
  const form = event.target;
  const region = document.getElementById("interviews-status");
  clearFieldErrors(form);
  const scheduledFor = document.getElementById("interview-scheduled-for").value;
  const interviewer = document.getElementById("interview-schedule-interviewer").value.trim();
  if (!scheduledFor) {
    missing("interview-scheduled-for");
    return;
  }
  if (scheduledFor < today()) {
    wrong("interview-scheduled-for", t("office.alumni.scheduledInPast"));
    return;
  }
  if (!interviewer) {
    missing("interview-schedule-interviewer");
    return;
  }
  const button = document.getElementById("schedule-interview");
  button.disabled = true;
  try {
    const saved = await api("POST", `/api/alumni/${encodeURIComponent(record.id)}/exit-interviews/appointments`,
      { scheduledFor, interviewer });
    await keepInterview(saved);
    resetScheduleForm();
    drawInterviewForm();
    fillFromAppointment();
    announce(region, t("office.alumni.interviewScheduledDone",
      { date: date(saved.scheduledFor), interviewer: saved.interviewer }));
    region.focus();
  } catch (e) {
    if (invalid(e, "scheduledFor")) {
      // The service's day may have turned before the browser's.
      wrong("interview-scheduled-for", t("office.alumni.scheduledInPast"));
    } else if (!showFieldErrors(form, e, field => APPOINTMENT_FIELDS[field] ?? field)) {
      announce(region, problem(e), "problem");
      region.focus();
    }
  } finally {
    button.disabled = false;
  }
}

/**
 * Records the interview as held: the appointment chosen (PUT), one without an appointment (POST), or
 * the correction of a held one (PUT). One the alumnus acknowledged meanwhile stays as they agreed to it.
 */
async function recordInterview(event) {
  event.preventDefault();
  const form = event.target;
  const region = document.getElementById("interviews-status");
  clearFieldErrors(form);
  const heldOn = document.getElementById("interview-held-on").value;
  const interviewer = document.getElementById("interview-interviewer").value.trim();
  if (!heldOn) {
    missing("interview-held-on");
    return;
  }
  if (heldOn > today()) {
    wrong("interview-held-on", t("office.alumni.heldInFuture"));
    return;
  }
  if (!interviewer) {
    missing("interview-interviewer");
    return;
  }
  const body = { heldOn, interviewer, obligationsBriefed: document.getElementById("interview-briefed").checked,
    topics: ticked(document.getElementById("topic-choices")),
    summary: document.getElementById("interview-summary").value, notes: document.getElementById("interview-notes").value };
  const target = editing?.id ?? chosenAppointment()?.id;
  const correcting = Boolean(editing);
  const path = `/api/alumni/${encodeURIComponent(record.id)}/exit-interviews`;
  const button = document.getElementById("record-interview");
  button.disabled = true;
  try {
    const saved = target ? await api("PUT", `${path}/${encodeURIComponent(target)}`, body) : await api("POST", path, body);
    await keepInterview(saved);
    resetInterviewForm();
    announce(region, t(correcting ? "office.alumni.interviewCorrected" : "office.alumni.interviewRecorded",
      { date: date(saved.heldOn) }));
    region.focus();
  } catch (e) {
    if (e instanceof ApiProblem && e.problem.type?.endsWith("/exit-interview-in-future")) {
      wrong("interview-held-on", t("office.alumni.heldInFuture"));
    } else if (e instanceof ApiProblem && e.status === 409) {
      await loadInterviews(record.id, purposeOfRecord);
      resetInterviewForm();
      announce(region, t("office.alumni.acknowledgedMeanwhile"), "problem");
      region.focus();
    } else if (!showFieldErrors(form, e, field => INTERVIEW_FIELDS[field.replace(/\[.*$/, "")] ?? field)) {
      announce(region, problem(e), "problem");
      region.focus();
    }
  } finally {
    button.disabled = false;
  }
}

/** One contact moment as a row: its number, due day, state (overdue stands out), outcome, who recorded it. */
function contactRow(moment) {
  const state = el("td");
  if (moment.state === "OVERDUE") {
    state.append(el("strong", label("aftercareState", moment.state), { class: "overdue" }));
  } else {
    state.textContent = moment.state === "DONE" && moment.doneOn
      ? t("office.alumni.stateOn", { state: label("aftercareState", moment.state), date: date(moment.doneOn) })
      : label("aftercareState", moment.state);
  }
  const outcome = el("td", label("aftercareOutcome", moment.outcome));
  if (moment.notes) {
    outcome.append(el("p", moment.notes, { class: "hint resolution" }));
  }
  const actions = el("td");
  if (moment.state !== "DONE") {
    const open = el("button", t("office.alumni.recordContact"), { type: "button", class: "small",
      id: "record-contact-" + moment.id, "aria-label": t("office.alumni.recordContactLabel", { n: moment.sequence }) });
    open.addEventListener("click", () => openContact(moment));
    actions.append(open);
  }
  const tr = el("tr", null, { id: "contact-" + moment.id });
  tr.append(el("td", moment.sequence), el("td", date(moment.dueOn)), state, outcome,
    el("td", moment.recordedBy ? t("office.alumni.byOn", { by: moment.recordedBy, date: date(moment.recordedAt) }) : "—"),
    actions);
  return tr;
}

/** No plan: a note and the button to make one; a plan: its contact moments, and the form of the one being recorded. */
function drawAftercare() {
  const none = document.getElementById("no-aftercare");
  const plan = document.getElementById("aftercare-plan");
  none.hidden = aftercare === undefined || aftercare?.length > 0;
  plan.hidden = !aftercare?.length;
  document.getElementById("no-aftercare-text").textContent = aftercare === null ? t("office.alumni.aftercareFailed")
    : t("office.alumni.noAftercare");
  document.getElementById("make-aftercare-plan").hidden = aftercare === null;
  if (aftercare?.length) {
    const by = aftercare[0].plannedBy;
    document.getElementById("aftercare-planned").textContent = t("office.alumni.plannedBy",
      { by: by === "registration" ? t("office.alumni.byRegistration") : by });
    document.getElementById("aftercare-rows").replaceChildren(...aftercare.map(contactRow));
  }
  if (contact) {
    document.getElementById("contact-heading").textContent = t("office.alumni.contactHeading",
      { n: contact.sequence, date: date(contact.dueOn) });
  }
}

/** The record's aftercare plan, read with the purpose the record was opened for (the read is audited). */
async function loadAftercare(id, purpose) {
  try {
    aftercare = await api("GET", `/api/alumni/${encodeURIComponent(id)}/aftercare?purpose=${encodeURIComponent(purpose)}`);
  } catch (e) {
    aftercare = null;
  }
  drawAftercare();
}

async function makeAftercarePlan() {
  const region = document.getElementById("aftercare-status");
  const button = document.getElementById("make-aftercare-plan");
  button.disabled = true;
  try {
    aftercare = await api("POST", `/api/alumni/${encodeURIComponent(record.id)}/aftercare`);
    drawAftercare();
    announce(region, t("office.alumni.planMade", { n: aftercare.length, date: date(aftercare[0]?.dueOn) }));
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409) {
      await loadAftercare(record.id, purposeOfRecord);
      announce(region, t("office.alumni.planExists"), "problem");
    } else {
      announce(region, problem(e), "problem");
    }
  } finally {
    button.disabled = false;
  }
  // The button is gone (or stays, when it failed): the message takes the focus.
  region.focus();
}

/** The form for one contact moment, the day of the contact today by default; its heading takes the focus. */
function openContact(moment) {
  const form = document.getElementById("contact-form");
  form.reset();
  clearFieldErrors(form);
  contact = moment;
  const doneOn = document.getElementById("contact-done-on");
  doneOn.max = today();
  doneOn.value = today();
  document.getElementById("contact-panel").hidden = false;
  drawAftercare();
  document.getElementById("contact-heading").focus();
}

/** Closes the contact form; the focus back where it was opened from, when asked. */
function closeContact(refocus = false) {
  const moment = contact;
  contact = null;
  document.getElementById("contact-panel").hidden = true;
  if (refocus && moment) {
    document.getElementById("record-contact-" + moment.id)?.focus();
  }
}

async function saveContact(event) {
  event.preventDefault();
  const form = event.target;
  const region = document.getElementById("aftercare-status");
  clearFieldErrors(form);
  const doneOn = document.getElementById("contact-done-on").value;
  const outcome = document.getElementById("contact-outcome").value;
  if (!doneOn) {
    missing("contact-done-on");
    return;
  }
  if (doneOn > today()) {
    wrong("contact-done-on", t("office.alumni.doneInFuture"));
    return;
  }
  if (!outcome) {
    missing("contact-outcome");
    return;
  }
  const button = document.getElementById("save-contact");
  button.disabled = true;
  try {
    const saved = await api("PUT", `/api/alumni/${encodeURIComponent(record.id)}/aftercare/${encodeURIComponent(contact.id)}`,
      { doneOn, outcome, notes: document.getElementById("contact-notes").value });
    aftercare = aftercare.map(c => (c.id === saved.id ? saved : c));
    closeContact();
    drawAftercare();
    announce(region, t("office.alumni.contactRecorded", { n: saved.sequence, outcome: label("aftercareOutcome", saved.outcome) }));
    region.focus();
  } catch (e) {
    if (invalid(e, "doneOn")) {
      wrong("contact-done-on", t("office.alumni.doneInFuture"));
    } else if (!showFieldErrors(form, e, field => CONTACT_FIELDS[field] ?? field)) {
      announce(region, problem(e), "problem");
      region.focus();
    }
  } finally {
    button.disabled = false;
  }
}

/** The record's requests: each one's kind, state and date; the link to answer them on the requests page. */
function drawRecordRequests() {
  const list = document.getElementById("record-request-list");
  document.getElementById("show-requests").hidden = recordRequests !== undefined;
  document.getElementById("record-requests-intro").hidden = recordRequests !== undefined;
  if (record) {
    document.getElementById("record-requests-link").href = "/office/requests.html?alumnusId="
      + encodeURIComponent(record.id);
  }
  if (!recordRequests) {
    list.replaceChildren(...(recordRequests === null ? [el("li", t("office.requests.failed"))] : []));
    return;
  }
  list.replaceChildren(...(recordRequests.length === 0 ? [el("li", t("office.requests.noneOfRecord"))]
    : recordRequests.map(r => el("li", `${label("requestKind", r.kind)}${r.field ? " — " + label("recordField", r.field) : ""}: `
      + (r.status === "OPEN" ? t(r.overdue ? "office.requests.overdue" : "office.requests.openUntil", { date: date(r.dueOn) })
        : `${label("requestOutcome", r.outcome)} (${date(r.answeredAt)})`),
    r.overdue ? { class: "overdue" } : {}))));
}

/** The record's requests, read with the purpose of a data subject request (the read is audited so). */
async function loadRecordRequests(id) {
  try {
    recordRequests = (await api("GET", `/api/alumni/data-subject-requests?alumnusId=${encodeURIComponent(id)}`)).items;
  } catch (e) {
    recordRequests = null;
  }
  drawRecordRequests();
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
  drawRecordRequests();
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
    interviews = undefined;
    aftercare = undefined;
    recordRequests = undefined;
    ["agreements-status", "interviews-status", "aftercare-status", "record-requests-status"].forEach(quiet);
    resetAgreementForm();
    resetScheduleForm();
    resetInterviewForm();
    closeContact();
    drawRecord();
    drawRecordRequests();
    await Promise.all([loadLogin(id), loadBriefing(id, purpose), loadAgreements(id, purpose), loadLibrary(),
      loadInterviews(id, purpose), loadAftercare(id, purpose),
      purpose === "DATA_SUBJECT_REQUEST" ? loadRecordRequests(id) : Promise.resolve()]);
    // The first appointment's interviewer, now that the appointments are read.
    fillFromAppointment();
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
document.getElementById("interview-schedule-form").addEventListener("submit", scheduleInterview);
document.getElementById("interview-form").addEventListener("submit", recordInterview);
document.getElementById("interview-appointment").addEventListener("change", event => {
  appointment = event.target.value;
  fillFromAppointment();
});
document.getElementById("cancel-interview-edit").addEventListener("click", () => {
  const corrected = editing;
  resetInterviewForm();
  document.getElementById("edit-interview-" + corrected?.id)?.focus();
});
document.getElementById("make-aftercare-plan").addEventListener("click", makeAftercarePlan);
document.getElementById("show-requests").addEventListener("click", async () => {
  await loadRecordRequests(record.id);
  const region = document.getElementById("record-requests-status");
  announce(region, recordRequests === null ? t("office.requests.failed")
    : t("office.requests.shown", { n: recordRequests.length }), recordRequests === null ? "problem" : "success");
  region.focus();
});
document.getElementById("contact-form").addEventListener("submit", saveContact);
document.getElementById("cancel-contact").addEventListener("click", () => closeContact(true));

try {
  if (!await startPage(draw)) {
    location.assign("/login");
  } else {
    addOptions(document.getElementById("status-filter"), "alumnusStatus");
    addOptions(document.getElementById("contact-outcome"), "aftercareOutcome");
    await loadTitles();
  }
} catch (e) {
  announce(status, t("common.failed"), "problem");
}
