// "My data" (AVG art. 15): the alumnus downloads everything the platform holds about them, from every
// service, in one archive the gateway puts together, and sees who of the office staff looked at their
// data, where, when and why, newest first. Staff are shown by their role, never by name: the export
// names none. Codes the portal has no words for (an action added later) are shown made readable. What
// is wrong the alumnus asks to have corrected (or objects to) on the requests page, linked from here.
import { announce, api, ApiProblem, codes, el, label, moment, problem, startPage, t } from "/portal.js";

const status = document.getElementById("status");
/** The access log of the export, newest first; null until it was read. */
let accessLog = null;

/** A code no table names yet in words: READ_RECORD becomes "Read record". */
function readable(code) {
  const words = String(code).replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A code in the words of its enum table, or made readable when the table does not know it. */
function word(table, code) {
  if (code === null || code === undefined) {
    return "—";
  }
  return codes(table).includes(code) ? label(table, code) : readable(code);
}

function row(cells) {
  const tr = el("tr");
  tr.append(...cells);
  return tr;
}

function draw() {
  if (accessLog === null) {
    return;
  }
  document.getElementById("access-rows").replaceChildren(...(accessLog.length === 0
    ? [row([el("td", t("alumni.myData.nobody"), { colspan: "5" })])]
    : accessLog.map(a => row([el("td", moment(a.occurredAt)), el("td", word("service", a.service)),
      el("td", word("staffRole", a.actorRole)),
      el("td", word("auditAction", a.action) + (a.listed ? ` (${t("alumni.myData.listed")})` : "")),
      el("td", word("purpose", a.purpose))]))));
}

async function load() {
  const exported = await api("GET", "/api/me/export?format=json");
  accessLog = [...(exported.accessLog ?? [])]
    .sort((a, b) => new Date(b.occurredAt) - new Date(a.occurredAt));
  draw();
}

try {
  if (!await startPage(draw)) {
    location.assign("/login");
  } else {
    await load();
  }
} catch (e) {
  announce(status, e instanceof ApiProblem ? problem(e) : t("common.failed"), "problem");
}
