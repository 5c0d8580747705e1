// The office's statistics: counts by sector, risk, function group and outcome for a period, as
// bar charts that are plain tables underneath (each bar's number is text, for every reader).
import { announce, api, clearFieldErrors, el, showFieldErrors, startPage, t } from "/portal.js";

const TEXT = {
  nl: {
    back: "Terug naar signalen en meldingen", title: "Cijfers", from: "Van", to: "Tot en met", show: "Toon",
    totals: "{submitted} meldingen ingediend, {decided} besloten; gemiddeld {days} dagen tot een besluit.",
    bySector: "Per sector", byRiskLevel: "Per risico", byFunctionGroup: "Per functiegroep", byOutcome: "Per uitkomst",
    category: "Categorie", count: "Aantal", none: "Geen meldingen in deze periode."
  },
  en: {
    back: "Back to alerts and declarations", title: "Statistics", from: "From", to: "To (inclusive)", show: "Show",
    totals: "{submitted} declarations submitted, {decided} decided; {days} days to a decision on average.",
    bySector: "By sector", byRiskLevel: "By risk", byFunctionGroup: "By function group", byOutcome: "By outcome",
    category: "Category", count: "Count", none: "No declarations in this period."
  }
};

const status = document.getElementById("status");
let statistics = null;

function chart(key, counts) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const section = el("section", null, { "aria-labelledby": "chart-" + key });
  const table = el("table", null, { class: "chart" });
  const caption = el("caption", t(key), { id: "chart-" + key });
  const head = el("thead");
  const headRow = el("tr");
  headRow.append(el("th", t("category"), { scope: "col" }), el("th", t("count"), { scope: "col" }));
  head.append(headRow);
  const body = el("tbody");
  entries.forEach(([category, n]) => {
    const tr = el("tr");
    const bar = el("td");
    const fill = el("span", null, { class: "bar", "aria-hidden": "true" });
    fill.style.width = `${Math.round((n / max) * 85)}%`; // room for the number beside the longest bar
    bar.append(fill, el("span", n, { class: "bar-value" }));
    tr.append(el("th", category, { scope: "row" }), bar);
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
  document.getElementById("totals").textContent = s.submitted === 0 ? t("none") : t("totals")
    .replace("{submitted}", s.submitted).replace("{decided}", s.decided).replace("{days}", s.averageDaysToDecision ?? "—");
  document.getElementById("charts").replaceChildren(...["bySector", "byRiskLevel", "byFunctionGroup", "byOutcome"]
    .map(key => chart(key, s[key] ?? {})));
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
    announce(status, `${t("problem")}: ${e.message}`, "problem");
  }
}

document.getElementById("period").addEventListener("submit", event => {
  event.preventDefault();
  const params = new URLSearchParams();
  ["from", "to"].forEach(name => { const v = document.getElementById(name).value; if (v) params.set(name, v); });
  load("?" + params);
});

try {
  if (!await startPage(TEXT, draw)) {
    location.assign("/login");
  } else {
    await load();
  }
} catch (e) {
  announce(status, t("failed"), "problem");
}
