// The integrity office's start page: the alert inbox and the review queue of the officer's own
// organisation. The inbox filters on what the notification API filters on (status, kind, assignee
// me|none|username, declaration, alumnus), sorts, and pages with the page and total the API returns;
// an alert is taken up, assigned (to me or to a colleague) or resolved with a note. The filter and
// page live in the address (?assignee=me&page=1...), so a reload or a link shows the same list.
// /office/alerts/<id>, the link in office mail, opens here with that alert in focus.
import { addOptions, announce, api, clearFieldErrors, codes, date, el, label, language, moment, problem,
  showFieldErrors, startPage, t } from "/portal.js";

const PAGE_SIZE = 20;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ASSIGNEE_CHOICES = ["", "me", "none"];
const status = document.getElementById("status");
const filterForm = document.getElementById("alert-filter");
const panel = document.getElementById("alert-panel");
const focusAlert = location.pathname.startsWith("/office/alerts/") ? location.pathname.split("/").pop() : null;
let session = null;
let alerts = { items: [], page: 0, size: PAGE_SIZE, total: 0 };
let queue = [];
/** The alert open in the panel (assign to a colleague, resolve with a note), or null. */
let handling = null;

/** The inbox's filter and page, as the address holds them. */
function filterInAddress() {
  const q = new URLSearchParams(location.search);
  return {
    status: q.get("status") ?? "", kind: q.get("kind") ?? "", assignee: q.get("assignee") ?? "",
    declarationId: q.get("declarationId") ?? "", alumnusId: q.get("alumnusId") ?? "",
    sort: q.get("sort") ?? "-raisedAt", page: Math.max(0, Number.parseInt(q.get("page") ?? "0", 10) || 0)
  };
}

function putInAddress(filter) {
  const q = new URLSearchParams();
  Object.entries(filter).filter(([name, value]) => value !== "" && !(name === "page" && value === 0)
    && !(name === "sort" && value === "-raisedAt")).forEach(([name, value]) => q.set(name, value));
  const query = q.toString();
  history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
}

/** Shows the filter in the form. */
function showFilter(filter) {
  const choose = (id, value) => {
    const select = document.getElementById(id);
    select.value = [...select.options].some(o => o.value === value) ? value : select.options[0].value;
  };
  choose("alert-status", filter.status);
  choose("alert-kind", filter.kind);
  choose("alert-sort", filter.sort);
  const colleague = !ASSIGNEE_CHOICES.includes(filter.assignee);
  document.getElementById("alert-assignee").value = colleague ? "other" : filter.assignee;
  document.getElementById("alert-colleague").value = colleague ? filter.assignee : "";
  document.getElementById("alert-declaration").value = filter.declarationId;
  document.getElementById("alert-alumnus").value = filter.alumnusId;
  showColleague();
}

function showColleague() {
  document.getElementById("colleague-field").hidden = document.getElementById("alert-assignee").value !== "other";
}

/** The filter in the form, from its first page; null (with the reasons at the fields) when it cannot be asked for. */
function filterInForm() {
  clearFieldErrors(filterForm);
  const value = id => document.getElementById(id).value.trim();
  const wrong = [];
  const choice = value("alert-assignee");
  if (choice === "other" && !value("alert-colleague")) {
    wrong.push(["alert-colleague", t("common.required")]);
  }
  ["alert-declaration", "alert-alumnus"].filter(id => value(id) && !ID.test(value(id)))
    .forEach(id => wrong.push([id, t("office.home.notAnId")]));
  wrong.forEach(([id, text]) => {
    document.getElementById("error-" + id).textContent = text;
    document.getElementById(id).setAttribute("aria-invalid", "true");
  });
  if (wrong.length > 0) {
    document.getElementById(wrong[0][0]).focus();
    return null;
  }
  return {
    status: value("alert-status"), kind: value("alert-kind"),
    assignee: choice === "other" ? value("alert-colleague") : choice,
    declarationId: value("alert-declaration"), alumnusId: value("alert-alumnus"), sort: value("alert-sort"), page: 0
  };
}

/**
 * The inbox request. The states are always named: "open" is every state but RESOLVED, "all" every
 * state (without any, the API would show all of them once a declaration or alumnus is asked for).
 */
function inboxQuery(filter) {
  const q = new URLSearchParams({ page: filter.page, size: PAGE_SIZE, sort: filter.sort });
  const states = filter.status === "*" ? codes("alertStatus")
    : filter.status ? [filter.status] : codes("alertStatus").filter(s => s !== "RESOLVED");
  states.forEach(s => q.append("status", s));
  if (filter.kind) {
    q.append("kind", filter.kind);
  }
  ["assignee", "declarationId", "alumnusId"].filter(name => filter[name]).forEach(name => q.set(name, filter[name]));
  return q;
}

async function loadAlerts() {
  const filter = filterInAddress();
  try {
    alerts = await api("GET", "/api/alerts?" + inboxQuery(filter));
  } catch (e) {
    // The service's reasons at the filter's fields (status, kind, sort, assignee, ids), or as a whole.
    const slots = { status: "alert-status", kind: "alert-kind", sort: "alert-sort", assignee: "alert-colleague",
      declarationId: "alert-declaration", alumnusId: "alert-alumnus" };
    if (!showFieldErrors(filterForm, e, field => "" + slots[field.split(".").pop()])) {
      announce(status, problem(e), "problem");
    }
    return;
  }
  const pages = Math.ceil(alerts.total / PAGE_SIZE);
  if (alerts.items.length === 0 && filter.page > 0 && pages > 0) {
    // The page emptied (its last alert resolved): the last page there is.
    putInAddress({ ...filter, page: pages - 1 });
    await loadAlerts();
    return;
  }
  drawAlerts();
}

async function loadQueue() {
  const order = document.getElementById("queue-sort").value;
  queue = (await api("GET", `/api/declarations?size=50&sort=${encodeURIComponent(order)}`)).items;
  drawQueue();
}

function row(cells, attributes = {}) {
  const tr = el("tr", null, attributes);
  tr.append(...cells);
  return tr;
}

function cell(...children) {
  const td = el("td");
  td.append(...children);
  return td;
}

function button(text, action, className) {
  const b = el("button", text, { type: "button", class: "small " + className });
  b.addEventListener("click", action);
  return b;
}

function summaryOf(alert) {
  return language() === "en" ? alert.summary : alert.summaryNl ?? alert.summary;
}

function drawAlerts() {
  const me = session?.username;
  document.getElementById("alert-rows").replaceChildren(...(alerts.items.length === 0
    ? [row([el("td", t("office.home.noAlerts"), { colspan: "6" })])]
    : alerts.items.map(a => {
      const actions = cell();
      if (a.declarationId) {
        actions.append(el("a", t("office.openDeclaration"), { href: "/office/declarations/" + encodeURIComponent(a.declarationId) }), " ");
      }
      if (a.status === "NEW") {
        actions.append(button(t("office.home.acknowledge"), () => act(a, "acknowledgement", undefined, "office.home.acknowledged"),
          "acknowledge"), " ");
      }
      if (a.status !== "RESOLVED") {
        if (a.assignee !== me) {
          actions.append(button(t("office.home.assignToMe"), () => assign(a, me), "assign-me"), " ");
        }
        if (a.assignee) {
          actions.append(button(t("office.home.unassign"), () => unassign(a), "unassign"), " ");
        }
        actions.append(button(t("office.home.handle"), () => openPanel(a), "handle"));
      }
      const state = cell(label("alertStatus", a.status));
      if (a.status === "RESOLVED" && a.resolvedBy) {
        state.append(" " + t("office.home.resolvedBy", { officer: a.resolvedBy, moment: moment(a.resolvedAt) }));
      }
      if (a.resolution) {
        state.append(el("p", a.resolution, { class: "hint resolution" }));
      }
      return row([el("td", label("alertKind", a.kind)), el("td", summaryOf(a)), el("td", moment(a.raisedAt)), state,
        el("td", a.assignee ?? t("common.nobody")), actions], { id: "alert-" + a.id, tabindex: "-1" });
    })));
  const pages = Math.max(1, Math.ceil(alerts.total / PAGE_SIZE));
  document.getElementById("alert-page").textContent = t("office.home.page",
    { page: alerts.page + 1, pages, total: alerts.total });
  document.getElementById("alert-previous").disabled = alerts.page === 0;
  document.getElementById("alert-next").disabled = alerts.page + 1 >= pages;
  if (focusAlert) {
    document.getElementById("alert-" + focusAlert)?.focus();
  }
}

function drawQueue() {
  document.getElementById("queue-rows").replaceChildren(...(queue.length === 0
    ? [row([el("td", t("office.home.noQueue"), { colspan: "6" })])]
    : queue.map(d => row([
      cell(el("a", d.employerName, { href: "/office/declarations/" + encodeURIComponent(d.id) })),
      el("td", d.role), el("td", d.riskLevel ? label("riskLevel", d.riskLevel) : "—"),
      el("td", label("declarationStatus", d.status)), el("td", date(d.dueDate)), el("td", d.assignee ?? t("common.nobody"))]))));
}

/** How many requests for correction and objections wait for an answer (none shown when unknown). */
let requestCount = null;

/** The count beside the link to the requests: open ones, and how many are past their month. */
function drawRequestCount() {
  document.getElementById("requests-open").textContent = !requestCount ? ""
    : requestCount.overdue > 0 ? t("office.requests.openOverdue", requestCount)
      : t("office.requests.openCount", requestCount);
}

async function loadRequestCount() {
  try {
    requestCount = await api("GET", "/api/alumni/data-subject-requests/open-count");
  } catch (e) {
    requestCount = null;
  }
  drawRequestCount();
}

function draw() {
  drawAlerts();
  drawQueue();
  drawRequestCount();
  if (handling) {
    document.getElementById("alert-panel-heading").textContent = t("office.home.panel", { summary: summaryOf(handling) });
  }
}

function openPanel(alert) {
  handling = alert;
  clearFieldErrors(panel);
  document.getElementById("assign-officer").value = "";
  document.getElementById("resolution-note").value = "";
  panel.hidden = false;
  draw();
  document.getElementById("alert-panel-heading").focus();
}

function closePanel() {
  handling = null;
  panel.hidden = true;
}

/** An action on an alert: the service's answer, then the inbox again with the outcome said. */
async function act(alert, action, body, done, params = {}, form = null, slot = () => "", method = "POST") {
  if (form) {
    clearFieldErrors(form);
  }
  try {
    await api(method, `/api/alerts/${encodeURIComponent(alert.id)}/${action}`, body);
    if (form) {
      closePanel();
    }
    announce(status, t(done, params));
    await loadAlerts();
  } catch (e) {
    if (!form || !showFieldErrors(form, e, slot)) {
      announce(status, problem(e), "problem");
    }
  }
}

function assign(alert, officer, form = null) {
  return act(alert, "assignment", { officer }, "office.home.assigned", { officer }, form, () => "assign-officer");
}

function unassign(alert) {
  return act(alert, "assignment", undefined, "office.home.unassigned", {}, null, () => "", "DELETE");
}

filterForm.addEventListener("submit", async event => {
  event.preventDefault();
  const filter = filterInForm();
  if (filter) {
    putInAddress(filter);
    await loadAlerts();
  }
});

document.getElementById("alert-assignee").addEventListener("change", showColleague);

document.getElementById("alert-filter-clear").addEventListener("click", async () => {
  clearFieldErrors(filterForm);
  history.replaceState(null, "", location.pathname);
  showFilter(filterInAddress());
  await loadAlerts();
});

[["alert-previous", -1], ["alert-next", 1]].forEach(([id, step]) => document.getElementById(id).addEventListener("click", async () => {
  const filter = filterInAddress();
  putInAddress({ ...filter, page: Math.max(0, filter.page + step) });
  await loadAlerts();
}));

document.getElementById("assign-form").addEventListener("submit", event => {
  event.preventDefault();
  const form = event.target;
  const officer = document.getElementById("assign-officer").value.trim();
  if (!officer) {
    clearFieldErrors(form);
    document.getElementById("error-assign-officer").textContent = t("common.required");
    document.getElementById("assign-officer").setAttribute("aria-invalid", "true");
    document.getElementById("assign-officer").focus();
    return;
  }
  assign(handling, officer, form);
});

document.getElementById("resolve-form").addEventListener("submit", event => {
  event.preventDefault();
  act(handling, "resolution", { note: document.getElementById("resolution-note").value }, "office.home.resolved", {},
    event.target, () => "resolution-note");
});

document.getElementById("panel-cancel").addEventListener("click", closePanel);

document.getElementById("queue-sort").addEventListener("change", () => loadQueue().catch(() => announce(status, t("common.failed"), "problem")));

try {
  session = await startPage(draw);
  if (!session) {
    location.assign("/login");
  } else if (!session.roles.includes("integrity-officer")) {
    announce(status, t("office.forbidden"), "problem");
  } else {
    addOptions(document.getElementById("alert-status"), "alertStatus");
    addOptions(document.getElementById("alert-kind"), "alertKind");
    showFilter(filterInAddress());
    await Promise.all([loadAlerts(), loadQueue(), loadRequestCount()]);
  }
} catch (e) {
  announce(status, t("common.failed"), "problem");
}
