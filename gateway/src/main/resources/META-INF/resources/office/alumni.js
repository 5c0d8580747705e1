// Alumni search for officers, within their own organisation. Opening a record asks why: each read
// is written to the record's audit trail with that purpose (purpose limitation, AVG art. 5).
// Functions are shown by their title from the organisation's function catalogue (retired ones too);
// a code the catalogue does not know is shown as it is. The record shows its login and whether its
// departure briefing was issued and acknowledged; an officer can (re)send the invitation and issue
// a briefing the record does not have.
import { addOptions, announce, api, codes, date, el, label, options, problem, startPage, t } from "/portal.js";

/** The purposes an officer can state: the HR system's own read-back is not one of them. */
const STAFF_PURPOSES = () => codes("purpose").filter(p => p !== "REGISTRATION_CHECK");

const status = document.getElementById("status");
let results = null;
let record = null;
let purposeOfRecord = null;
/** The record's login in Keycloak: its state and the invitations sent. */
let login = null;
/** The record's departure briefing: issued, acknowledged, reminded (issuedAt null when none was issued). */
let briefing = null;
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
    drawRecord();
    await Promise.all([loadLogin(id), loadBriefing(id, purpose)]);
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
