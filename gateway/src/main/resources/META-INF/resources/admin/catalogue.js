// The function risk catalogue of the administrator's organisation: add a function, change one (a
// new version, made on the version the administrator saw: expectedVersion) or retire one.
import { announce, api, ApiProblem, clearFieldErrors, el, SECTORS, showFieldErrors, t } from "/portal.js";
import { button, checkboxes, FUNCTION_GROUPS, options, RISK_LEVELS, rows, startAdminPage, ticked } from "/admin/nav.js";

const TEXT = {
  nl: {
    title: "Functiecatalogus", intro: "Het risico en de afkoelperiode van elke functie van uw organisatie. Een wijziging is een nieuwe versie; besluiten en registraties houden de versie die zij gebruikten.",
    showRetired: "Ook vervallen functies tonen", functionTitle: "Functie", group: "Groep", coolingOff: "Afkoelperiode (maanden)",
    sensitive: "Gevoelige sectoren", version: "Versie", newProfile: "Nieuwe functie",
    codeLabel: "Code (hoofdletters, cijfers en -) *", titleLabel: "Functienaam *", groupLabel: "Functiegroep *",
    riskLabel: "Risico *", coolingOffLabel: "Afkoelperiode in maanden (0 tot 24) *",
    sensitiveLegend: "Sectoren die gevoelig zijn voor deze functie", rationaleLabel: "Onderbouwing",
    editTitle: "Functie {code} wijzigen (nu versie {version})", newTitle: "Nieuwe functie", retire: "Laten vervallen",
    retired: "vervallen", retireConfirm: "Functie {code} laten vervallen? Registraties en besluiten houden hun versie.",
    saved: "Functie {code} is opgeslagen als versie {version}.", retiredDone: "Functie {code} is vervallen.",
    unchanged: "Niets gewijzigd; functie {code} blijft versie {version}."
  },
  en: {
    title: "Function catalogue", intro: "The risk and cooling-off period of every function of your organisation. A change is a new version; decisions and records keep the version they used.",
    showRetired: "Also show retired functions", functionTitle: "Function", group: "Group", coolingOff: "Cooling-off (months)",
    sensitive: "Sensitive sectors", version: "Version", newProfile: "New function",
    codeLabel: "Code (capitals, digits and -) *", titleLabel: "Function title *", groupLabel: "Function group *",
    riskLabel: "Risk *", coolingOffLabel: "Cooling-off period in months (0 to 24) *",
    sensitiveLegend: "Sectors that are sensitive for this function", rationaleLabel: "Rationale",
    editTitle: "Change function {code} (now version {version})", newTitle: "New function", retire: "Retire",
    retired: "retired", retireConfirm: "Retire function {code}? Records and decisions keep their version.",
    saved: "Function {code} is saved as version {version}.", retiredDone: "Function {code} is retired.",
    unchanged: "Nothing changed; function {code} stays at version {version}."
  }
};

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
      actions.append(button(t("edit"), () => open(p), { "aria-label": `${t("edit")} ${p.code}` }), " ",
        button(t("retire"), () => retire(p), { "aria-label": `${t("retire")} ${p.code}` }));
    }
    return [el("td", p.code), el("td", p.title + (p.retired ? ` (${t("retired")})` : "")), el("td", t(p.functionGroup)),
      el("td", t(p.riskLevel)), el("td", p.coolingOffMonths), el("td", [...p.sensitiveSectors].sort().map(t).join(", ") || "—"),
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
  options(form.elements.functionGroup, FUNCTION_GROUPS, profile?.functionGroup ?? "SUPPORT");
  options(form.elements.riskLevel, RISK_LEVELS, profile?.riskLevel ?? "LOW");
  checkboxes(choices, "sector", SECTORS.filter(s => s !== "OTHER"), profile?.sensitiveSectors ?? []);
  editor.hidden = false;
  drawEditor();
  document.getElementById("editor-heading").focus();
}

/** The editor's texts in the current language, keeping what was entered. */
function drawEditor() {
  document.getElementById("editor-heading").textContent = editing
    ? t("editTitle").replace("{code}", editing.code).replace("{version}", editing.version) : t("newTitle");
  options(form.elements.functionGroup, FUNCTION_GROUPS, form.elements.functionGroup.value);
  options(form.elements.riskLevel, RISK_LEVELS, form.elements.riskLevel.value);
  checkboxes(choices, "sector", SECTORS.filter(s => s !== "OTHER"), ticked(choices));
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
    const message = before && saved.version === before.version ? "unchanged" : "saved";
    announce(status, t(message).replace("{code}", saved.code).replace("{version}", saved.version));
    status.focus();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409 && e.problem.type?.endsWith("/stale-version")) {
      await load();
      const current = profiles.find(p => p.id === before.id);
      if (current) {
        open(current);
      }
      announce(status, t("stale"), "problem");
      status.focus();
    } else if (e instanceof ApiProblem && e.problem.type?.endsWith("/duplicate-function-code")) {
      document.getElementById("error-code").textContent = e.message;
      form.elements.code.setAttribute("aria-invalid", "true");
      form.elements.code.focus();
    } else if (!showFieldErrors(form, e, field => field.replace(/^definition\./, "").replace(/\[.*$/, ""))) {
      announce(status, `${t("problem")}: ${e.message}`, "problem");
      status.focus();
    }
  }
});

async function retire(profile) {
  if (!window.confirm(t("retireConfirm").replace("{code}", profile.code))) {
    return;
  }
  try {
    await api("POST", `/api/function-profiles/${encodeURIComponent(profile.id)}/retire`);
    await load();
    announce(status, t("retiredDone").replace("{code}", profile.code));
  } catch (e) {
    announce(status, `${t("problem")}: ${e.message}`, "problem");
  }
}

document.getElementById("new-profile").addEventListener("click", () => open(null));
document.getElementById("cancel").addEventListener("click", close);
document.getElementById("show-retired").addEventListener("change", () => load().catch(e => announce(status, e.message, "problem")));

if (await startAdminPage(TEXT, status, draw)) {
  await load().catch(() => announce(status, t("failed"), "problem"));
}
