// The library of post-employment agreements of the administrator's organisation, in Dutch and
// English: add one, change its words (a new revision, made on the revision the administrator saw:
// expectedRevision; a change in between is reported, not overwritten) or retire it. Agreements the
// office already proposed keep the words they were proposed with; a retired one is proposed no more.
import { announce, api, ApiProblem, clearFieldErrors, date, el, label, language, options, problem, showFieldErrors,
  t } from "/portal.js";
import { button, rows, startAdminPage } from "/admin/nav.js";

const WORDING = ["titleNl", "titleEn", "textNl", "textEn"];

const status = document.getElementById("status");
const editor = document.getElementById("editor");
const form = document.getElementById("template-form");
let templates = [];
/** The template being changed (null for a new one), while the editor is open. */
let editing;

function title(template) {
  return language() === "en" ? template.titleEn : template.titleNl;
}

function draw() {
  rows("templates", templates, 7, template => {
    const actions = el("td");
    if (!template.retiredAt) {
      actions.append(button(t("common.edit"), () => open(template),
        { id: "edit-template-" + template.code, "aria-label": `${t("common.edit")} ${template.code}` }), " ",
      button(t("admin.agreements.retire"), () => retire(template),
        { id: "retire-template-" + template.code, "aria-label": `${t("admin.agreements.retire")} ${template.code}` }));
    }
    return [el("td", template.code), el("td", label("agreementKind", template.kind)), el("td", title(template)),
      el("td", template.defaultMonths), el("td", template.revision), el("td", template.retiredAt ? date(template.retiredAt) : "—"),
      actions];
  });
  if (editing !== undefined) {
    drawEditor();
  }
}

async function load() {
  const retired = document.getElementById("show-retired").checked;
  templates = await api("GET", "/api/agreement-templates" + (retired ? "?includeRetired=true" : ""));
  draw();
}

function open(template) {
  editing = template;
  clearFieldErrors(form);
  form.elements.code.value = template?.code ?? "";
  form.elements.code.readOnly = Boolean(template);
  options(form.elements.kind, "agreementKind", template?.kind ?? "SECTOR_COOLING_OFF");
  // The kind is what the agreement rules out: a change of it would be another agreement.
  form.elements.kind.disabled = Boolean(template);
  WORDING.forEach(part => { form.elements[part].value = template?.[part] ?? ""; });
  form.elements.defaultMonths.value = template?.defaultMonths ?? 12;
  editor.hidden = false;
  drawEditor();
  document.getElementById("editor-heading").focus();
}

/** The editor's texts in the current language, keeping what was entered. */
function drawEditor() {
  document.getElementById("editor-heading").textContent = editing
    ? t("admin.agreements.editTitle", { code: editing.code, revision: editing.revision })
    : t("admin.agreements.newTemplate");
}

function close() {
  editing = undefined;
  editor.hidden = true;
}

function wording() {
  const months = form.elements.defaultMonths.value;
  const words = Object.fromEntries(WORDING.map(part => [part, form.elements[part].value.trim()]));
  return { ...words, defaultMonths: months === "" ? null : Number(months) };
}

/** After a 409 the library is read again: the template as it is now, in the editor or, retired, out of it. */
async function reloadAfterConflict(before, retired) {
  await load();
  const current = templates.find(template => template.id === before.id);
  if (current && !retired) {
    open(current);
    announce(status, t("admin.stale"), "problem");
  } else {
    close();
    announce(status, t("admin.agreements.retiredMeanwhile", { code: before.code }), "problem");
  }
  status.focus();
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  clearFieldErrors(form);
  const before = editing;
  const code = form.elements.code.value.trim();
  try {
    const saved = before
      ? await api("PUT", "/api/agreement-templates/" + encodeURIComponent(before.id),
        { expectedRevision: before.revision, wording: wording() })
      : await api("POST", "/api/agreement-templates", { code, kind: form.elements.kind.value, wording: wording() });
    close();
    await load();
    const message = before && saved.revision === before.revision ? "admin.agreements.unchanged" : "admin.agreements.saved";
    announce(status, t(message, { code: saved.code, revision: saved.revision }));
    status.focus();
  } catch (e) {
    const type = e instanceof ApiProblem && e.status === 409 ? e.problem.type ?? "" : null;
    if (before && type !== null && (type.endsWith("/stale-revision") || type.endsWith("/template-retired"))) {
      await reloadAfterConflict(before, type.endsWith("/template-retired"))
        .catch(() => announce(status, t("common.failed"), "problem"));
    } else if (!before && type?.endsWith("/code-taken")) {
      document.getElementById("error-code").textContent = t("admin.agreements.codeTaken", { code });
      form.elements.code.setAttribute("aria-invalid", "true");
      form.elements.code.focus();
    } else if (!showFieldErrors(form, e, field => field.replace(/^wording\./, ""))) {
      announce(status, problem(e), "problem");
      status.focus();
    }
  }
});

async function retire(template) {
  if (!window.confirm(t("admin.agreements.retireConfirm", { code: template.code }))) {
    return;
  }
  try {
    await api("POST", `/api/agreement-templates/${encodeURIComponent(template.id)}/retire`);
    if (editing?.id === template.id) {
      close();
    }
    await load();
    announce(status, t("admin.agreements.retiredDone", { code: template.code }));
    status.focus();
  } catch (e) {
    announce(status, problem(e), "problem");
  }
}

document.getElementById("new-template").addEventListener("click", () => open(null));
document.getElementById("cancel").addEventListener("click", close);
document.getElementById("show-retired").addEventListener("change",
  () => load().catch(() => announce(status, t("common.failed"), "problem")));

if (await startAdminPage(status, draw)) {
  await load().catch(() => announce(status, t("common.failed"), "problem"));
}
