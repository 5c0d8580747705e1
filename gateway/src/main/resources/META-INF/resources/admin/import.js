// Import of the organisation's former employees from CSV: the upload answers at once, then the page
// follows the import (rows read of rows counted) until it is done, and lists the rows rejected with
// their reasons. An import still running when the page is opened again can be followed from the list.
import { announce, api, clearFieldErrors, el, moment, t } from "/portal.js";
import { button, rows, startAdminPage } from "/admin/nav.js";

const TEXT = {
  nl: {
    title: "Oud-medewerkers importeren",
    intro: "Neem het register van oud-medewerkers van uw organisatie over uit een CSV-bestand, bijvoorbeeld de lijst die u bijhield voordat u dit platform gebruikte. Vertrekken van nu af registreert het HR-systeem zelf.",
    formatSummary: "Hoe het bestand eruitziet",
    formatText: "Een kopregel met de kolommen hieronder, daarna één oud-medewerker per regel (UTF-8, gescheiden door komma's). Alleen regels van uw eigen organisatie worden overgenomen; wie al geregistreerd is, wordt geteld en niet gewijzigd.",
    formatFunctions: "functions: functies van de laatste vijf jaar als CODE:van:tot, gescheiden door ; (tot leeg voor de functie bij vertrek). departureReason: VOLUNTARY, RETIREMENT, REORGANISATION, END_OF_CONTRACT, DISCIPLINARY_DISMISSAL of OTHER_DISMISSAL.",
    fileLabel: "CSV-bestand *", upload: "Importeren", chooseFile: "Kies een CSV-bestand.",
    uploading: "Het bestand wordt verstuurd…", counting: "Het bestand wordt gelezen en geteld…",
    running: "{read} van {total} regels verwerkt ({percent}%)",
    currentHeading: "Voortgang", rejectedCaption: "Afgewezen regels (de eerste 1000)", row: "Regel", column: "Kolom", reason: "Reden",
    recentHeading: "Eerdere imports", submitted: "Ingediend", by: "Door", state: "Stand", imported: "Nieuw",
    already: "Al bekend", rejectedCount: "Afgewezen", follow: "Bekijken", rowsTotal: "Regels in het bestand",
    rowsRead: "Verwerkt", done: "Import klaar: {imported} nieuw, {already} al bekend, {rejected} afgewezen.",
    failedImport: "De import is mislukt: {reason}", RECEIVED: "ontvangen", RUNNING: "bezig", COMPLETED: "klaar", FAILED: "mislukt"
  },
  en: {
    title: "Import former employees",
    intro: "Take over your organisation's register of former employees from a CSV file, such as the list you kept before using this platform. From now on the HR system registers departures itself.",
    formatSummary: "What the file looks like",
    formatText: "A header row with the columns below, then one former employee per row (UTF-8, separated by commas). Only rows of your own organisation are taken over; people already registered are counted and not changed.",
    formatFunctions: "functions: functions of the last five years as CODE:from:until, separated by ; (until empty for the function held at departure). departureReason: VOLUNTARY, RETIREMENT, REORGANISATION, END_OF_CONTRACT, DISCIPLINARY_DISMISSAL or OTHER_DISMISSAL.",
    fileLabel: "CSV file *", upload: "Import", chooseFile: "Please choose a CSV file.",
    uploading: "Sending the file…", counting: "Reading and counting the file…",
    running: "{read} of {total} rows processed ({percent}%)",
    currentHeading: "Progress", rejectedCaption: "Rejected rows (the first 1000)", row: "Row", column: "Column", reason: "Reason",
    recentHeading: "Earlier imports", submitted: "Submitted", by: "By", state: "State", imported: "New",
    already: "Already known", rejectedCount: "Rejected", follow: "View", rowsTotal: "Rows in the file",
    rowsRead: "Processed", done: "Import done: {imported} new, {already} already known, {rejected} rejected.",
    failedImport: "The import failed: {reason}", RECEIVED: "received", RUNNING: "running", COMPLETED: "done", FAILED: "failed"
  }
};

const POLL_MS = 1000;
const status = document.getElementById("status");
const form = document.getElementById("import-form");
const progress = document.getElementById("progress");
const label = document.getElementById("progress-label");
let recent = [];
/** The import shown in the progress section, as last fetched. */
let current = null;
let following = null;

function fill(text, job) {
  return t(text).replace("{imported}", job.imported).replace("{already}", job.alreadyRegistered)
    .replace("{rejected}", job.rejected).replace("{reason}", job.failure ?? "");
}

function drawCurrent() {
  if (!current) {
    return;
  }
  document.getElementById("current").hidden = false;
  const job = current;
  if (job.rowsTotal === null || job.rowsTotal === undefined) {
    progress.removeAttribute("value"); // indeterminate until the rows are counted
    label.textContent = t(job.id ? "counting" : "uploading");
  } else {
    const percent = job.rowsTotal === 0 ? 100 : Math.floor(100 * job.rowsRead / job.rowsTotal);
    progress.value = percent;
    label.textContent = t("running").replace("{read}", job.rowsRead).replace("{total}", job.rowsTotal)
      .replace("{percent}", percent);
  }
  const counts = document.getElementById("counts");
  counts.replaceChildren();
  if (job.id) {
    [["state", t(job.status)], ["rowsTotal", job.rowsTotal ?? "—"], ["rowsRead", job.rowsRead], ["imported", job.imported],
      ["already", job.alreadyRegistered], ["rejectedCount", job.rejected]]
      .forEach(([key, value]) => counts.append(el("dt", t(key)), el("dd", value)));
  }
  const errors = job.errors ?? [];
  document.getElementById("rejected-table").hidden = errors.length === 0;
  rows("rejected", errors, 3, e => [el("td", e.row), el("td", e.field ?? "—"), el("td", e.message)]);
}

function draw() {
  rows("recent", recent, 7, job => {
    const actions = el("td");
    actions.append(button(t("follow"), () => follow(job.id), { "aria-label": `${t("follow")}: ${moment(job.submittedAt)}` }));
    return [el("td", moment(job.submittedAt)), el("td", job.submittedBy), el("td", t(job.status)), el("td", job.imported),
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
    announce(status, fill("done", current));
  } else {
    announce(status, fill("failedImport", current), "problem");
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
    document.getElementById("error-file").textContent = t("chooseFile");
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
    announce(status, `${t("problem")}: ${e.message}`, "problem");
  } finally {
    upload.disabled = false;
  }
});

if (await startAdminPage(TEXT, status, draw)) {
  try {
    await loadRecent();
    const running = recent.find(job => job.status === "RECEIVED" || job.status === "RUNNING");
    if (running) {
      await follow(running.id);
    }
  } catch (e) {
    announce(status, t("failed"), "problem");
  }
}
