// The office's statistics: counts by sector, risk, function group and outcome for a period, as
// bar charts that are plain tables underneath (each bar's number is text, for every reader). Every
// category is a code of the declaration-service, named by its enum table; the categories the
// statistics add themselves (no risk yet, a function the catalogue does not rate, no decision yet,
// withdrawn) have words of their own. A count small enough to point at a person comes as null and is
// shown as "< threshold", with a sentence saying that small counts are hidden and why.
import { announce, api, clearFieldErrors, el, label, problem, showFieldErrors, startPage, t } from "/portal.js";

/** Each chart: the enum table of its categories, and the words for the categories outside that enum. */
const CHARTS = {
  bySector: { table: "sector", other: {} },
  byRiskLevel: { table: "riskLevel", other: { null: () => t("common.notAssessed") } },
  byFunctionGroup: { table: "functionGroup", other: { UNKNOWN: () => t("office.statistics.unknownGroup") } },
  byOutcome: { table: "outcome", other: { UNDECIDED: () => t("office.statistics.undecided"),
    WITHDRAWN: () => label("declarationStatus", "WITHDRAWN") } }
};

const status = document.getElementById("status");
let statistics = null;

function category(key, code) {
  const { table, other } = CHARTS[key];
  return Object.hasOwn(other, code) ? other[code]() : label(table, code);
}

/** A count as shown: the number, or "< threshold" when it was suppressed. */
function shown(n) {
  return n === null || n === undefined ? t("office.statistics.small", { threshold: statistics.suppression?.threshold ?? "" }) : n;
}

function chart(key, counts) {
  // Suppressed counts (null) last; their bar stays empty.
  const entries = Object.entries(counts).sort((a, b) => (b[1] ?? -1) - (a[1] ?? -1));
  const max = Math.max(1, ...entries.map(([, n]) => n ?? 0));
  const section = el("section", null, { "aria-labelledby": "chart-" + key });
  const table = el("table", null, { class: "chart" });
  const caption = el("caption", t("office.statistics." + key), { id: "chart-" + key });
  const head = el("thead");
  const headRow = el("tr");
  headRow.append(el("th", t("office.statistics.category"), { scope: "col" }), el("th", t("office.statistics.count"), { scope: "col" }));
  head.append(headRow);
  const body = el("tbody");
  entries.forEach(([code, n]) => {
    const tr = el("tr", null, { "data-code": code });
    const bar = el("td");
    const fill = el("span", null, { class: "bar", "aria-hidden": "true" });
    fill.style.width = `${Math.round(((n ?? 0) / max) * 85)}%`; // room for the number beside the longest bar
    bar.append(fill, el("span", shown(n), { class: "bar-value" }));
    tr.append(el("th", category(key, code), { scope: "row" }), bar);
    body.append(tr);
  });
  table.append(caption, head, body);
  section.append(table);
  return section;
}

function draw() {
  if (!statistics) {
    return;
  }
  const s = statistics;
  document.getElementById("totals").textContent = s.submitted === 0 ? t("office.statistics.none") : t("office.statistics.totals",
    { submitted: shown(s.submitted), decided: shown(s.decided), days: s.averageDaysToDecision ?? "—" });
  const suppression = document.getElementById("suppression");
  suppression.textContent = s.suppression ? t("office.statistics.suppressed", { threshold: s.suppression.threshold })
    + (s.suppression.suppressedCells > 0 ? " " + t("office.statistics.suppressedCells", { n: s.suppression.suppressedCells }) : "") : "";
  document.getElementById("charts").replaceChildren(...Object.keys(CHARTS).map(key => chart(key, s[key] ?? {})));
  document.getElementById("from").value = s.from;
  document.getElementById("to").value = s.to;
}

async function load(query = "") {
  const period = document.getElementById("period");
  clearFieldErrors(period);
  try {
    statistics = await api("GET", "/api/declarations/statistics" + query);
    draw();
  } catch (e) {
    showFieldErrors(period, e);
    announce(status, problem(e), "problem");
  }
}

document.getElementById("period").addEventListener("submit", event => {
  event.preventDefault();
  const params = new URLSearchParams();
  ["from", "to"].forEach(name => { const v = document.getElementById(name).value; if (v) params.set(name, v); });
  load("?" + params);
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
