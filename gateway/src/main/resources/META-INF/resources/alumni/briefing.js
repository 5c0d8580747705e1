// The alumnus' departure briefing: until when they must declare and why (the function that set the
// period, its risk and cooling-off period, the sectors sensitive for their functions), the general
// text the administrators wrote in the alumnus' language, the functions held as the catalogue rates
// them, and the acknowledgement of the text revision read. Below it the post-employment agreements
// the office proposed for the departure, each in the words it was proposed with, to be accepted one
// by one; withdrawn proposals are listed apart. Then the exit interview: when it is planned and with
// whom, and once held what was discussed and the summary, which the alumnus confirms they agree
// with. Texts are shown as plain paragraphs, never as HTML.
import { agreementPeriod, agreementState, agreementWords, announce, api, ApiProblem, date, el, label, language,
  paragraphs, problem, startPage, t } from "/portal.js";

const status = document.getElementById("status");
const acknowledgeButton = document.getElementById("acknowledge-briefing");
const acknowledgementState = document.getElementById("acknowledgement-state");
const agreementsStatus = document.getElementById("agreements-status");
const interviewStatus = document.getElementById("interview-status");
/** The briefing as the API composed it. */
let briefing = null;
/** The alumnus' agreements, in the order of their start; null when none could be read. */
let agreements = null;
/** Whether reading the agreements failed (rather than there being no record to have them). */
let agreementsFailed = false;
/** The alumnus' exit interviews, scheduled and held; null when they could not be read. */
let interviews = [];

function months(n) {
  return n === 1 ? t("alumni.briefing.month") : t("alumni.briefing.months", { n });
}

/** A function by its title in the catalogue and its code; by the code alone where the catalogue has none. */
function functionName(f, code) {
  return f?.title ? `${f.title} (${code})` : `${code} (${t("alumni.briefing.notInCatalogue")})`;
}

function drawObligation() {
  const w = briefing.obligationWindow;
  document.getElementById("obligation").textContent = !w ? t("alumni.briefing.noWindow")
    : t(windowWording("alumni.briefing", w), { start: date(w.start), end: date(w.end) });
  const why = document.getElementById("why");
  why.replaceChildren();
  const terms = [];
  if (w) {
    // The window keeps the rating that set it; the catalogue's current one where it has none.
    const f = briefing.windowFunction;
    terms.push(["alumni.briefing.function", functionName(f, w.functionCode)],
      ["alumni.briefing.riskLevel", label("riskLevel", w.riskLevel ?? f?.riskLevel)],
      ["alumni.briefing.coolingOff", months(w.coolingOffMonths ?? f?.coolingOffMonths)]);
  }
  terms.push(["record.departureDate", date(briefing.departureDate)]);
  terms.forEach(([key, value]) => why.append(el("dt", t(key)), el("dd", value)));
  const sectors = briefing.sensitiveSectors ?? [];
  document.getElementById("sectors").replaceChildren(...(sectors.length === 0
    ? [el("li", t("alumni.briefing.noSectors"))]
    : sectors.map(s => el("li", label("sector", s)))));
}

function drawText() {
  const text = briefing.text;
  ["introduction", "whatToDeclare", "howToDeclare", "contact"]
    .forEach(part => paragraphs(document.getElementById(part), text[part], text.language));
}

function drawFunctions() {
  const functions = briefing.functions ?? [];
  const tbody = document.getElementById("functions");
  if (functions.length === 0) {
    const tr = el("tr");
    tr.append(el("td", t("alumni.briefing.noFunctions"), { colspan: "5" }));
    tbody.replaceChildren(tr);
    return;
  }
  tbody.replaceChildren(...functions.map(f => {
    const tr = el("tr");
    tr.append(el("td", f.title ?? t("alumni.briefing.notInCatalogue")), el("td", f.code),
      el("td", label("riskLevel", f.riskLevel)), el("td", f.title ? f.coolingOffMonths : "—"),
      el("td", (f.sensitiveSectors ?? []).map(s => label("sector", s)).join(", ") || "—"));
    return tr;
  }));
}

function drawAcknowledgement() {
  const state = briefing.state;
  const revision = briefing.text.revision;
  let text;
  if (state.acknowledgedAt) {
    text = t("alumni.briefing.acknowledged", { date: date(state.acknowledgedAt), revision: state.acknowledgedRevision });
    if (state.acknowledgedRevision !== null && state.acknowledgedRevision !== revision) {
      text += " " + t("alumni.briefing.changedSince", { revision });
    }
  } else if (state.issuedAt) {
    text = t("alumni.briefing.pleaseAcknowledge");
  } else {
    text = t("alumni.briefing.notIssued");
  }
  acknowledgementState.textContent = text;
  acknowledgeButton.hidden = !state.issuedAt || Boolean(state.acknowledgedAt);
}

/** One agreement: its title, its text, period and state; the button to accept it while it is proposed. */
function agreementArticle(agreement) {
  const words = agreementWords(agreement);
  const proposed = agreement.status === "PROPOSED";
  const titleId = "agreement-title-" + agreement.id;
  const article = el("article", null,
    { id: "agreement-" + agreement.id, class: proposed ? "agreement open" : "agreement", "aria-labelledby": titleId });
  const text = el("div");
  paragraphs(text, words.text, language());
  const dl = el("dl");
  dl.append(el("dt", t("alumni.briefing.period")), el("dd", agreementPeriod(agreement)),
    el("dt", t("common.state")),
    el("dd", agreementState(agreement, t("alumni.briefing.agreementProposed")), { id: "agreement-state-" + agreement.id }));
  article.append(el("h3", words.title, { id: titleId }), text, dl);
  if (proposed) {
    const accept = el("button", t("alumni.briefing.accept"),
      { type: "button", id: "accept-" + agreement.id, "aria-describedby": titleId });
    accept.addEventListener("click", () => acceptAgreement(agreement, accept));
    article.append(accept);
  }
  return article;
}

/** The agreements in force, proposed or ended, each in full; withdrawn proposals by their title only. */
function drawAgreements() {
  const section = document.getElementById("agreements");
  const list = document.getElementById("agreement-list");
  section.hidden = !agreements && !agreementsFailed;
  document.getElementById("agreements-intro").hidden = !agreements?.some(a => a.status !== "WITHDRAWN");
  if (!agreements) {
    list.replaceChildren(...(agreementsFailed ? [el("p", t("alumni.briefing.agreementsFailed"))] : []));
    document.getElementById("withdrawn-part").hidden = true;
    return;
  }
  const current = agreements.filter(a => a.status !== "WITHDRAWN");
  const withdrawn = agreements.filter(a => a.status === "WITHDRAWN");
  list.replaceChildren(...(current.length === 0 ? [el("p", t("alumni.briefing.noAgreements"))]
    : current.map(agreementArticle)));
  document.getElementById("withdrawn-part").hidden = withdrawn.length === 0;
  document.getElementById("withdrawn-agreements").replaceChildren(...withdrawn.map(a => el("li",
    t("alumni.briefing.withdrawnAgreement", { title: agreementWords(a).title, date: date(a.withdrawnAt) }))));
}

/** Whether the alumnus can confirm an interview: held, not confirmed yet, with a briefing or a summary to confirm. */
function toAcknowledge(interview) {
  return interview.status === "HELD" && !interview.acknowledgedAt && (interview.obligationsBriefed || Boolean(interview.summary));
}

/**
 * One interview: a planned one by its day and interviewer; a held one with what was discussed and
 * the summary, and the button to agree with it until the alumnus did.
 */
function interviewArticle(interview) {
  const held = interview.status === "HELD";
  const open = toAcknowledge(interview);
  const titleId = "interview-title-" + interview.id;
  const article = el("article", null,
    { id: "interview-" + interview.id, class: open ? "interview open" : "interview", "aria-labelledby": titleId });
  const dl = el("dl");
  dl.append(el("dt", t("alumni.briefing.interviewer")), el("dd", interview.interviewer));
  if (held) {
    const topics = el("ul", null, { class: "plain" });
    topics.append(...interview.topics.map(code => el("li", label("interviewTopic", code))));
    const topicsTerm = el("dd");
    topicsTerm.append(interview.topics.length ? topics : t("alumni.briefing.noTopics"));
    dl.append(el("dt", t("alumni.briefing.obligationsBriefed")),
      el("dd", t(interview.obligationsBriefed ? "common.yes" : "common.no")),
      el("dt", t("alumni.briefing.topics")), topicsTerm);
  }
  article.append(el("h3", held ? t("alumni.briefing.interviewHeld", { date: date(interview.heldOn) })
    : t("alumni.briefing.interviewPlanned", { date: date(interview.scheduledFor) }), { id: titleId }), dl);
  if (!held) {
    return article;
  }
  const summary = el("div", null, { id: "interview-summary-" + interview.id });
  if (interview.summary) {
    paragraphs(summary, interview.summary);
  } else {
    summary.append(el("p", t("alumni.briefing.noSummary")));
  }
  article.append(el("h4", t("alumni.briefing.summary")), summary);
  const state = interview.acknowledgedAt ? t("alumni.briefing.interviewAcknowledged", { date: date(interview.acknowledgedAt) })
    : open ? t("alumni.briefing.pleaseAgree") : "";
  if (state) {
    article.append(el("p", state, { id: "interview-state-" + interview.id }));
  }
  if (open) {
    const agree = el("button", t(interview.summary ? "alumni.briefing.agree" : "alumni.briefing.confirmBriefed"),
      { type: "button", id: "acknowledge-interview-" + interview.id, "aria-describedby": titleId });
    agree.addEventListener("click", () => acknowledgeInterview(interview, agree));
    article.append(agree);
  }
  return article;
}

/** The exit interview is shown once one was planned (or when the interviews could not be read). */
function drawInterviews() {
  document.getElementById("exit-interview").hidden = interviews !== null && interviews.length === 0;
  document.getElementById("interview-intro").hidden = interviews === null;
  document.getElementById("interview-list").replaceChildren(...(interviews === null
    ? [el("p", t("alumni.briefing.interviewsFailed"))] : interviews.map(interviewArticle)));
}

function draw() {
  drawAgreements();
  drawInterviews();
  if (!briefing) {
    return;
  }
  drawObligation();
  drawText();
  drawFunctions();
  drawAcknowledgement();
  document.getElementById("briefing").hidden = false;
}

async function loadBriefing() {
  try {
    briefing = await api("GET", "/api/alumni/me/briefing");
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) {
      briefing = null;
      announce(status, t("alumni.briefing.notAvailable"), "problem");
      return;
    }
    throw e;
  }
}

/** The agreements stand apart from the briefing: they are shown even without a briefing text. */
async function loadAgreements() {
  try {
    agreements = await api("GET", "/api/alumni/me/agreements");
    agreementsFailed = false;
  } catch (e) {
    agreements = null;
    agreementsFailed = !(e instanceof ApiProblem && e.status === 404);
  }
}

/** The interviews stand apart from the briefing too; without a record there are none. */
async function loadInterviews() {
  try {
    interviews = await api("GET", "/api/alumni/me/exit-interviews");
  } catch (e) {
    interviews = e instanceof ApiProblem && e.status === 404 ? [] : null;
  }
}

async function load() {
  await Promise.all([loadBriefing(), loadAgreements(), loadInterviews()]);
  draw();
}

/**
 * Confirms that the alumnus agrees with the summary of an interview (and was briefed). When the
 * office corrected it since the page showed it, the new one is shown to be read first; the
 * confirmation is read out and takes the focus (the button is gone).
 */
async function acknowledgeInterview(interview, button) {
  button.disabled = true;
  const say = (key, kind = "problem", params = {}) => {
    drawInterviews();
    announce(interviewStatus, t(key, params), kind);
    interviewStatus.focus();
  };
  try {
    // The version read travels along: the service refuses when the office changed the interview since.
    const acknowledged = await api("POST", `/api/alumni/me/exit-interviews/${encodeURIComponent(interview.id)}`
      + `/acknowledgement?version=${encodeURIComponent(interview.version)}`);
    interviews = interviews.map(i => (i.id === acknowledged.id ? acknowledged : i));
    say("alumni.briefing.interviewAgreed", "success", { date: date(acknowledged.heldOn) });
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409) {
      await loadInterviews();
      const changed = String(e.problem.type ?? "").endsWith("/exit-interview-changed");
      say(changed ? "alumni.briefing.interviewChanged" : "alumni.briefing.nothingToAgree");
    } else {
      button.disabled = false;
      announce(interviewStatus, problem(e), "problem");
    }
  }
}

async function acceptAgreement(agreement, button) {
  button.disabled = true;
  try {
    const accepted = await api("POST",
      `/api/alumni/me/agreements/${encodeURIComponent(agreement.id)}/acceptance`);
    agreements = agreements.map(a => (a.id === accepted.id ? accepted : a));
    drawAgreements();
    announce(agreementsStatus, t("alumni.briefing.accepted",
      { title: agreementWords(accepted).title, start: date(accepted.startsOn), end: date(accepted.endsOn) }));
    agreementsStatus.focus();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409) {
      await loadAgreements();
      drawAgreements();
      announce(agreementsStatus, t("alumni.briefing.withdrawnMeanwhile"), "problem");
      agreementsStatus.focus();
    } else {
      button.disabled = false;
      announce(agreementsStatus, problem(e), "problem");
    }
  }
}

/** Acknowledges the revision shown; when the text changed meanwhile, shows the new one to be read first. */
acknowledgeButton.addEventListener("click", async () => {
  acknowledgeButton.disabled = true;
  try {
    briefing.state = await api("POST", "/api/alumni/me/briefing/acknowledgement", { revision: briefing.text.revision });
    drawAcknowledgement();
    acknowledgementState.focus();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409) {
      await load()
        .then(() => announce(status, t("alumni.briefing.stale"), "problem"))
        .catch(() => announce(status, t("common.failed"), "problem"));
      status.focus();
    } else {
      announce(status, problem(e), "problem");
    }
  } finally {
    acknowledgeButton.disabled = false;
  }
});

try {
  if (!await startPage(draw)) {
    location.assign("/login");
  } else {
    await load();
    // The home page's notices link to the agreements and the interview, which are drawn only now.
    if (location.hash === "#agreements" && !document.getElementById("agreements").hidden) {
      document.getElementById("agreements-heading").scrollIntoView();
    }
    if (location.hash === "#exit-interview" && !document.getElementById("exit-interview").hidden) {
      document.getElementById("exit-interview-heading").scrollIntoView();
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
