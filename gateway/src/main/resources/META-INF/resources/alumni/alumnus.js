// The alumnus' own page: when the integrity office will be in touch next (aftercare), the departure
// briefing (a notice while it awaits acknowledgement, one while agreements for the departure await
// acceptance, and one while the summary of the exit interview awaits the alumnus' agreement), record,
// duty to declare (window and conditions in force), declarations, alumni-network consent and the
// download of their data. Everything comes from the APIs through
// the gateway with the session; nothing the APIs return is ever inserted as HTML.
import { announce, api, ApiProblem, date, el, label, language, problem, startPage, t } from "/portal.js";

const status = document.getElementById("status");
let record = null;
let declarations = [];
let conditions = [];
/** Where the departure briefing stands (issuedAt null when none was issued); null when it could not be read. */
let briefingState = null;
/** How many agreements for the departure await the alumnus' acceptance (0 when they could not be read). */
let agreementsDue = 0;
/** The alumnus' exit interviews, scheduled and held (none when they could not be read). */
let interviews = [];
/** The day the integrity office will be in touch next for aftercare; null when none is planned. */
let nextContactOn = null;

/**
 * The exit interview: a notice while a held one awaits the alumnus' agreement; otherwise a line
 * with the next one planned, or with the day they agreed; nothing without an interview.
 */
function drawInterview() {
  const due = interviews.some(i => i.status === "HELD" && !i.acknowledgedAt && (i.obligationsBriefed || i.summary));
  const planned = interviews.find(i => i.status === "SCHEDULED");
  const agreed = interviews.filter(i => i.acknowledgedAt).at(-1);
  const line = due ? "" : planned ? t("alumni.home.interviewPlanned", { date: date(planned.scheduledFor) })
    : agreed ? t("alumni.home.interviewAgreed", { date: date(agreed.acknowledgedAt) }) : "";
  document.getElementById("interview-due").hidden = !due;
  document.getElementById("interview-line").hidden = !line;
  document.getElementById("interview-line-text").textContent = line;
  return due || Boolean(line);
}

/**
 * A briefing awaiting acknowledgement is a notice; an acknowledged one a line with the link; no
 * briefing, nothing. Proposed agreements are a notice of their own, with or without a briefing.
 */
function drawBriefing() {
  const issued = Boolean(briefingState?.issuedAt);
  const acknowledged = issued && Boolean(briefingState.acknowledgedAt);
  const interview = drawInterview();
  document.getElementById("briefing").hidden = !issued && agreementsDue === 0 && !interview;
  document.getElementById("agreements-due").hidden = agreementsDue === 0;
  document.getElementById("agreements-due-text").textContent = agreementsDue === 0 ? ""
    : agreementsDue === 1 ? t("alumni.home.agreementsDueOne") : t("alumni.home.agreementsDue", { n: agreementsDue });
  document.getElementById("briefing-due").hidden = !issued || acknowledged;
  document.getElementById("briefing-done").hidden = !acknowledged;
  document.getElementById("briefing-done-text").textContent = acknowledged
    ? t("alumni.home.briefingDone", { date: date(briefingState.acknowledgedAt) }) : "";
}

function draw() {
  drawBriefing();
  const next = document.getElementById("next-contact");
  next.hidden = !nextContactOn;
  next.textContent = nextContactOn ? t("alumni.home.nextContact", { date: date(nextContactOn) }) : "";
  const dl = document.getElementById("record");
  dl.replaceChildren();
  if (record) {
    // The record names the last function by its title in the catalogue; by its code where the catalogue has none.
    [["name", record.fullName], ["personnelNumber", record.personnelNumber], ["organisation", record.organisation],
     ["departureDate", date(record.departureDate)], ["lastFunction", record.lastFunctionTitle ?? record.lastFunction],
     ["email", record.email]]
      .forEach(([key, value]) => dl.append(el("dt", t("record." + key)), el("dd", value ?? "—")));
    const w = record.obligationWindow;
    document.getElementById("window").textContent = !w ? t("alumni.home.noWindow")
      : t(windowWording("alumni.home", w), { start: date(w.start), end: date(w.end) });
  }
  const list = document.getElementById("conditions");
  list.replaceChildren(...(conditions.length === 0 ? [el("li", t("alumni.home.noConditions"))]
    : conditions.map(c => el("li", (language() === "en" ? c.textEn : c.textNl)
        + (c.details ? ` — ${c.details}` : "") + (c.endsOn ? ` (${t("common.until")} ${date(c.endsOn)})` : "")))));
  const rows = document.getElementById("declaration-rows");
  rows.replaceChildren(...(declarations.length === 0
    ? [tableRow([el("td", t("alumni.home.noDeclarations"), { colspan: "4" })])]
    : declarations.map(d => tableRow([link(d), el("td", d.role), el("td", date(d.startDate)),
        el("td", label("declarationStatus", d.status) + (d.outcome ? ": " + label("outcome", d.outcome) : ""))]))));
}

function link(declaration) {
  const cell = el("td");
  cell.append(el("a", declaration.employerName, { href: "/alumni/declarations/" + encodeURIComponent(declaration.id) }));
  return cell;
}

function tableRow(cells) {
  const tr = el("tr");
  tr.append(...cells);
  return tr;
}

async function load() {
  try {
    record = await api("GET", "/api/alumni/me");
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) {
      announce(status, t("alumni.home.notRegistered"), "problem");
      return;
    }
    throw e;
  }
  // The briefing, the agreements, the interviews and the aftercare are not needed for the rest of the
  // page: without them, no notice.
  [briefingState, agreementsDue, interviews, nextContactOn] = await Promise.all([
    api("GET", "/api/alumni/me/briefing").then(b => b.state, () => null),
    api("GET", "/api/alumni/me/agreements").then(list => list.filter(a => a.status === "PROPOSED").length, () => 0),
    api("GET", "/api/alumni/me/exit-interviews").catch(() => []),
    api("GET", "/api/alumni/me/aftercare").then(a => a.nextContactOn, () => null)]);
  declarations = (await api("GET", "/api/declarations?size=100")).items;
  const decided = declarations.filter(d => d.outcome === "ALLOWED_WITH_CONDITIONS");
  const details = await Promise.all(decided.map(d => api("GET", "/api/declarations/" + d.id)));
  conditions = details.flatMap(d => d.decisions ?? []).flatMap(d => d.conditions ?? []).filter(c => c.status === "ACTIVE");
  document.getElementById("consent").checked = (await api("GET", "/api/alumni/me/network-consent")).given;
  draw();
}

document.getElementById("consent-form").addEventListener("submit", async event => {
  event.preventDefault();
  const region = document.getElementById("consent-status");
  const given = document.getElementById("consent").checked;
  try {
    await api("PUT", "/api/alumni/me/network-consent", { given });
    announce(region, t(given ? "alumni.home.consentGiven" : "alumni.home.consentWithdrawn"));
  } catch (e) {
    announce(region, problem(e), "problem");
  }
});

try {
  const session = await startPage(draw);
  if (!session) {
    location.assign("/login");
  } else {
    await load();
    if (new URLSearchParams(location.search).has("declared")) {
      announce(status, t("alumni.home.declared"));
    }
  }
} catch (e) {
  announce(status, t("common.failed"), "problem");
}

/** The duty to declare in words: running, still to come (a leaver's window starts on the departure date), or over. */
function windowWording(prefix, w) {
  const today = new Date().toISOString().slice(0, 10);
  return prefix + (w.active ? ".windowActive" : w.start > today ? ".windowUpcoming" : ".windowOver");
}
