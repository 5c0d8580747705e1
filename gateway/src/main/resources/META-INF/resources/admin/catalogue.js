// The function risk catalogue of the administrator's organisation: add a function, change one (a
// new version, made on the version the administrator saw: expectedVersion) or retire one.
import { announce, api, ApiProblem, checkboxes, clearFieldErrors, codes, el, label, options, problem, showFieldErrors,
  t, ticked } from "/portal.js";
import { button, rows, startAdminPage } from "/admin/nav.js";

/** The sectors a function can be sensitive for: those of the declarations but OTHER (the catalogue has no OTHER). */
const SENSITIVE_SECTORS = () => codes("sector").filter(s => s !== "OTHER");

const status = document.getElementById("status");
const editor = document.getElementById("editor");
const form = document.getElementById("profile-form");
const choices = document.getElementById("sector-choices");
let profiles = [];
/** The profile being edited (null for a new one), while the editor is open. */
let editing;

function draw() {
  rows("catalogue", profiles, 8, p => {
    const actions = el("td");
    if (!p.retired) {
      actions.append(button(t("common.edit"), () => open(p), { "aria-label": `${t("common.edit")} ${p.code}` }), " ",
        button(t("admin.catalogue.retire"), () => retire(p), { "aria-label": `${t("admin.catalogue.retire")} ${p.code}` }));
    }
    return [el("td", p.code), el("td", p.title + (p.retired ? ` (${t("admin.catalogue.retired")})` : "")),
      el("td", label("functionGroup", p.functionGroup)), el("td", label("riskLevel", p.riskLevel)), el("td", p.coolingOffMonths),
      el("td", [...p.sensitiveSectors].sort().map(s => label("sector", s)).join(", ") || "—"),
      el("td", p.version), actions];
  });
  if (editing !== undefined) {
    drawEditor();
  }
}

async function load() {
  const retired = document.getElementById("show-retired").checked;
  profiles = await api("GET", "/api/function-profiles" + (retired ? "?includeRetired=true" : ""));
  draw();
}

function open(profile) {
  editing = profile;
  clearFieldErrors(form);
  form.elements.code.value = profile?.code ?? "";
  form.elements.code.readOnly = Boolean(profile);
  form.elements.title.value = profile?.title ?? "";
  form.elements.coolingOffMonths.value = profile?.coolingOffMonths ?? "";
  form.elements.rationale.value = profile?.rationale ?? "";
  options(form.elements.functionGroup, "functionGroup", profile?.functionGroup ?? "SUPPORT");
  options(form.elements.riskLevel, "riskLevel", profile?.riskLevel ?? "LOW");
  checkboxes(choices, "sector", "sector", profile?.sensitiveSectors ?? [], SENSITIVE_SECTORS());
  editor.hidden = false;
  drawEditor();
  document.getElementById("editor-heading").focus();
}

/** The editor's texts in the current language, keeping what was entered. */
function drawEditor() {
  document.getElementById("editor-heading").textContent = editing
    ? t("admin.catalogue.editTitle", { code: editing.code, version: editing.version }) : t("admin.catalogue.newProfile");
}

function close() {
  editing = undefined;
  editor.hidden = true;
}

function definition() {
  const months = form.elements.coolingOffMonths.value;
  return {
    title: form.elements.title.value.trim(),
    functionGroup: form.elements.functionGroup.value,
    riskLevel: form.elements.riskLevel.value,
    coolingOffMonths: months === "" ? null : Number(months),
    sensitiveSectors: ticked(choices),
    rationale: form.elements.rationale.value.trim() || null
  };
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  clearFieldErrors(form);
  const before = editing;
  try {
    const saved = before
      ? await api("PUT", "/api/function-profiles/" + encodeURIComponent(before.id),
        { expectedVersion: before.version, definition: definition() })
      : await api("POST", "/api/function-profiles", { code: form.elements.code.value.trim(), definition: definition() });
    close();
    await load();
    const message = before && saved.version === before.version ? "admin.catalogue.unchanged" : "admin.catalogue.saved";
    announce(status, t(message, { code: saved.code, version: saved.version }));
    status.focus();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409 && e.problem.type?.endsWith("/stale-version")) {
      await load();
      const current = profiles.find(p => p.id === before.id);
      if (current) {
        open(current);
      }
      announce(status, t("admin.stale"), "problem");
      status.focus();
    } else if (e instanceof ApiProblem && e.problem.type?.endsWith("/duplicate-function-code")) {
      document.getElementById("error-code").textContent = e.message;
      form.elements.code.setAttribute("aria-invalid", "true");
      form.elements.code.focus();
    } else if (!showFieldErrors(form, e, field => field.replace(/^definition\./, "").replace(/\[.*$/, ""))) {
      announce(status, problem(e), "problem");
      status.focus();
    }
  }
});

async function retire(profile) {
  if (!window.confirm(t("admin.catalogue.retireConfirm", { code: profile.code }))) {
    return;
  }
  try {
    await api("POST", `/api/function-profiles/${encodeURIComponent(profile.id)}/retire`);
    await load();
    announce(status, t("admin.catalogue.retiredDone", { code: profile.code }));
  } catch (e) {
    announce(status, problem(e), "problem");
  }
}

document.getElementById("new-profile").addEventListener("click", () => open(null));
document.getElementById("cancel").addEventListener("click", close);
document.getElementById("show-retired").addEventListener("change", () => load().catch(e => announce(status, e.message, "problem")));

if (await startAdminPage(status, draw)) {
  await load().catch(() => announce(status, t("common.failed"), "problem"));
}
