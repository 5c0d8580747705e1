// The organisation's audit trail, for its administrators: who (username and role) did what to which
// record or list of records, when and for which purpose, in each service of the platform, newest
// first. The times are office time (Europe/Amsterdam), as the trail counts its days in the filters.
// "Show more" pages on with the cursor the service answers; the CSV link carries the filters last
// shown (a plain link: the session cookie goes along on a GET). The services check the role and the
// organisation themselves; this page shows what they answer, only ever as text.
import { announce, api, clearFieldErrors, codes, el, label, language, problem, showFieldErrors, t } from "/portal.js";
import { rows, startAdminPage } from "/admin/nav.js";

const PAGE_SIZE = 100;
const FIELDS = ["actor", "action", "subjectId", "from", "to"];

const status = document.getElementById("status");
const form = document.getElementById("filter");
const more = document.getElementById("more");
/** The service and the filters (query parameters) of the entries shown. */
let shown = { service: "alumni", filters: new URLSearchParams() };
let entries = [];
/** The cursor to the next page; null on the last one. */
let next = null;

/** A code no table names yet (an action added later) in words: READ_RECORD becomes "Read record". */
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

/** A moment in office time, to the second: the trail's days are the office's days. */
function when(value) {
  return new Date(value).toLocaleString(language() === "en" ? "en-GB" : "nl-NL",
    { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/Amsterdam" });
}

function address(service, parameters) {
  return `/api/${service}/audit-trail?${parameters}`;
}

/** The filters as typed: empty ones left out, an action written as a code (read record: READ_RECORD). */
function typedFilters() {
  const filters = new URLSearchParams();
  FIELDS.forEach(name => {
    let value = document.getElementById(name).value.trim();
    if (name === "action") {
      value = value.toUpperCase().replace(/[\s-]+/g, "_");
    }
    if (value) {
      filters.set(name, value);
    }
  });
  return filters;
}

async function fetchPage(service, filters, before) {
  const parameters = new URLSearchParams(filters);
  parameters.set("limit", String(PAGE_SIZE));
  if (before !== undefined) {
    parameters.set("before", String(before));
  }
  return api("GET", address(service, parameters));
}

/** What an entry is about: a record by type and id, or a list of records, its ids to be unfolded. */
function about(entry) {
  const cell = el("td");
  const ids = entry.subjectIds ?? [];
  if (ids.length > 0) {
    const details = el("details");
    const list = el("ul", null, { class: "plain" });
    list.append(...ids.map(id => el("li", id)));
    details.append(el("summary", `${word("subjectType", entry.subjectType)}: ${t("admin.audit.listOf", { n: ids.length })}`), list);
    cell.append(details);
  } else {
    cell.append(word("subjectType", entry.subjectType));
    if (entry.subjectId) {
      cell.append(el("br"), el("code", entry.subjectId));
    }
  }
  return cell;
}

function what(entry) {
  const cell = el("td", word("auditAction", entry.action));
  if (entry.detail) {
    cell.append(el("br"), el("span", entry.detail, { class: "hint" }));
  }
  return cell;
}

function drawActions() {
  document.getElementById("known-actions").replaceChildren(...codes("auditAction")
    .map(code => el("option", label("auditAction", code), { value: code })));
}

function draw() {
  drawActions();
  document.getElementById("entries-caption").textContent = t("admin.audit.caption", { service: label("service", shown.service) });
  rows("entries", entries, 7, e => [el("td", when(e.occurredAt)), el("td", e.actor ?? "—"),
    el("td", word("staffRole", e.actorRole)), what(e), about(e),
    el("td", e.purpose ? word("purpose", e.purpose) : "—"), el("td", e.requestId ?? "—")]);
  more.hidden = next === null || next === undefined;
  const csv = new URLSearchParams(shown.filters);
  csv.set("format", "csv");
  document.getElementById("csv").setAttribute("href", address(shown.service, csv));
}

function announceCount() {
  announce(status, t(more.hidden ? "admin.audit.shown" : "admin.audit.shownMore", { n: entries.length }));
}

/** Shows the first page of a service's trail with these filters; what was shown stays when they are refused. */
async function show(service, filters) {
  const page = await fetchPage(service, filters);
  shown = { service, filters };
  entries = page.entries;
  next = page.next;
  draw();
  announceCount();
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  clearFieldErrors(form);
  try {
    await show(document.getElementById("service").value, typedFilters());
  } catch (e) {
    if (!showFieldErrors(form, e)) {
      announce(status, problem(e), "problem");
    }
  }
});

more.addEventListener("click", async () => {
  more.disabled = true;
  try {
    const page = await fetchPage(shown.service, shown.filters, next);
    entries = entries.concat(page.entries);
    next = page.next;
    draw();
    announceCount();
    if (more.hidden) {
      status.focus();
    }
  } catch (e) {
    announce(status, problem(e), "problem");
  } finally {
    more.disabled = false;
  }
});

if (await startAdminPage(status, draw)) {
  drawActions();
  await show(shown.service, shown.filters).catch(() => announce(status, t("common.failed"), "problem"));
}
