// Import of the organisation's former employees from CSV: the upload answers at once, then the page
// follows the import (rows read of rows counted) until it is done, and lists the rows rejected with
// their reasons. An import still running when the page is opened again can be followed from the list.
import { announce, api, clearFieldErrors, codes, el, label, moment, problem, t } from "/portal.js";
import { button, rows, startAdminPage } from "/admin/nav.js";

const POLL_MS = 1000;
const status = document.getElementById("status");
const form = document.getElementById("import-form");
const progress = document.getElementById("progress");
const progressLabel = document.getElementById("progress-label");
let recent = [];
/** The import shown in the progress section, as last fetched. */
let current = null;
let following = null;

function fill(key, job) {
  return t(key, { imported: job.imported, already: job.alreadyRegistered, rejected: job.rejected, reason: job.failure ?? "" });
}

function drawCurrent() {
  if (!current) {
    return;
  }
  document.getElementById("current").hidden = false;
  const job = current;
  if (job.rowsTotal === null || job.rowsTotal === undefined) {
    progress.removeAttribute("value"); // indeterminate until the rows are counted
    progressLabel.textContent = t(job.id ? "admin.import.counting" : "admin.import.uploading");
  } else {
    const percent = job.rowsTotal === 0 ? 100 : Math.floor(100 * job.rowsRead / job.rowsTotal);
    progress.value = percent;
    progressLabel.textContent = t("admin.import.running", { read: job.rowsRead, total: job.rowsTotal, percent });
  }
  const counts = document.getElementById("counts");
  counts.replaceChildren();
  if (job.id) {
    [["common.state", label("importStatus", job.status)], ["admin.import.rowsTotal", job.rowsTotal ?? "—"],
      ["admin.import.rowsRead", job.rowsRead], ["admin.import.imported", job.imported],
      ["admin.import.already", job.alreadyRegistered], ["admin.import.rejectedCount", job.rejected]]
      .forEach(([key, value]) => counts.append(el("dt", t(key)), el("dd", value)));
  }
  const errors = job.errors ?? [];
  document.getElementById("rejected-table").hidden = errors.length === 0;
  rows("rejected", errors, 3, e => [el("td", e.row), el("td", e.field ?? "—"), el("td", e.message)]);
}

function draw() {
  document.getElementById("format-functions").textContent = t("admin.import.formatFunctions",
    { reasons: codes("departureReason").join(", ") });
  rows("recent", recent, 7, job => {
    const actions = el("td");
    actions.append(button(t("admin.import.follow"), () => follow(job.id),
      { "aria-label": `${t("admin.import.follow")}: ${moment(job.submittedAt)}` }));
    return [el("td", moment(job.submittedAt)), el("td", job.submittedBy), el("td", label("importStatus", job.status)), el("td", job.imported),
      el("td", job.alreadyRegistered), el("td", job.rejected), actions];
  });
  drawCurrent();
}

async function loadRecent() {
  recent = await api("GET", "/api/departures/imports");
  draw();
}

/** Fetches the import every second until it is done; then says how it ended. */
async function follow(id) {
  const mine = Symbol(id);
  following = mine;
  for (;;) {
    current = await api("GET", "/api/departures/imports/" + encodeURIComponent(id));
    if (following !== mine) {
      return; // another import was chosen meanwhile
    }
    drawCurrent();
    if (current.status === "COMPLETED" || current.status === "FAILED") {
      break;
    }
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
  if (current.status === "COMPLETED") {
    announce(status, fill("admin.import.done", current));
  } else {
    announce(status, fill("admin.import.failedImport", current), "problem");
  }
  await loadRecent();
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  clearFieldErrors(form);
  status.textContent = "";
  status.className = "";
  const file = form.elements.file.files[0];
  if (!file) {
    document.getElementById("error-file").textContent = t("admin.import.chooseFile");
    form.elements.file.setAttribute("aria-invalid", "true");
    form.elements.file.focus();
    return;
  }
  const upload = document.getElementById("upload");
  upload.disabled = true;
  current = { rowsRead: 0 };
  following = null;
  drawCurrent();
  try {
    const job = await api("POST", "/api/departures/imports", file, "text/csv");
    form.reset();
    await follow(job.id);
  } catch (e) {
    document.getElementById("current").hidden = true;
    announce(status, problem(e), "problem");
  } finally {
    upload.disabled = false;
  }
});

if (await startAdminPage(status, draw)) {
  try {
    await loadRecent();
    const running = recent.find(job => job.status === "RECEIVED" || job.status === "RUNNING");
    if (running) {
      await follow(running.id);
    }
  } catch (e) {
    announce(status, t("common.failed"), "problem");
  }
}
