// The alumnus' departure briefing: until when they must declare and why (the function that set the
// period, its risk and cooling-off period, the sectors sensitive for their functions), the general
// text the administrators wrote in the alumnus' language, the functions held as the catalogue rates
// them, and the acknowledgement of the text revision read. The text is shown as plain paragraphs,
// never as HTML.
import { announce, api, ApiProblem, date, el, label, paragraphs, problem, startPage, t } from "/portal.js";

const status = document.getElementById("status");
const acknowledgeButton = document.getElementById("acknowledge-briefing");
const acknowledgementState = document.getElementById("acknowledgement-state");
/** The briefing as the API composed it. */
let briefing = null;

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
    : t(w.active ? "alumni.briefing.windowActive" : "alumni.briefing.windowOver", { end: date(w.end) });
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

function draw() {
  if (!briefing) {
    return;
  }
  drawObligation();
  drawText();
  drawFunctions();
  drawAcknowledgement();
  document.getElementById("briefing").hidden = false;
}

async function load() {
  try {
    briefing = await api("GET", "/api/alumni/me/briefing");
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) {
      announce(status, t("alumni.briefing.notAvailable"), "problem");
      return;
    }
    throw e;
  }
  draw();
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
  }
} catch (e) {
  announce(status, t("common.failed"), "problem");
}
