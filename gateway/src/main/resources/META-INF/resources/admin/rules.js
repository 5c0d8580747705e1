// The risk rules of the administrator's organisation: read them with their conditions, switch one
// on or off, change one or add one. Every save is a new revision made on the revision the
// administrator saw (expectedRevision); a change in between is reported, not overwritten.
import { announce, api, ApiProblem, clearFieldErrors, el, language, SECTORS, showFieldErrors, t } from "/portal.js";
import { button, checkboxes, FUNCTION_GROUPS, options, RISK_LEVELS, rows, startAdminPage, ticked } from "/admin/nav.js";

const KINDS = ["FUNCTION_RISK_AT_LEAST", "SECTOR_SENSITIVE_FOR_FUNCTION", "SECTOR_IN", "FUNCTION_GROUP_IN",
  "STARTS_IN_WINDOW", "DEPARTURE_REASON_IN", "CONTACT_WITH_FORMER_ORGANISATION", "USES_KNOWLEDGE_OR_CONTACTS",
  "LATE_DECLARATION", "SELF_EMPLOYED", "VERSION_AT_LEAST"];
const REASONS = ["VOLUNTARY", "RETIREMENT", "REORGANISATION", "END_OF_CONTRACT", "DISCIPLINARY_DISMISSAL",
  "OTHER_DISMISSAL"];
/** The values a condition kind chooses from, for the kinds that take values. */
const VALUES = { SECTOR_IN: SECTORS, FUNCTION_GROUP_IN: FUNCTION_GROUPS, DEPARTURE_REASON_IN: REASONS };

const TEXT = {
  nl: {
    title: "Risicoregels", intro: "Elke melding wordt beoordeeld met deze regels. Een regel geldt als al zijn voorwaarden gelden; het risico is het hoogste niveau van de regels die gelden. Een wijziging is een nieuwe revisie en geldt voor beoordelingen vanaf nu; eerdere beoordelingen houden hun revisie.",
    ruleText: "Tekst", conditions: "Voorwaarden", state: "Stand", newRule: "Nieuwe regel",
    codeLabel: "Code (hoofdletters, cijfers en _) *", levelLabel: "Niveau als de regel geldt *",
    textNl: "Uitleg in het Nederlands *", textEn: "Uitleg in het Engels *",
    placeholders: "In de uitleg kunt u gebruiken: {sector}, {functionCode}, {functionRisk}, {functionGroup}, {windowEnd}, {startDate}, {departureReason} en {versionNumber}.",
    conditionsLegend: "Voorwaarden (alle moeten gelden) *", addCondition: "Voorwaarde toevoegen",
    enabledLabel: "Regel staat aan", condition: "Voorwaarde {n}", kind: "Soort", remove: "Voorwaarde {n} weghalen",
    atLeast: "Minstens", values: "Een van", fromVersion: "Vanaf versie (2 tot 100)",
    editTitle: "Regel {code} wijzigen (nu revisie {revision})", newTitle: "Nieuwe regel",
    switchOn: "Aanzetten", switchOff: "Uitzetten", saved: "Regel {code} is opgeslagen als revisie {revision}.",
    ruleChanged: "Regel {code} staat nu {state} (revisie {revision}).", revision: "revisie",
    FUNCTION_RISK_AT_LEAST: "Het risico van de functie is minstens…",
    SECTOR_SENSITIVE_FOR_FUNCTION: "De sector is gevoelig voor de functie (volgens de catalogus)",
    SECTOR_IN: "De sector is een van…", FUNCTION_GROUP_IN: "De functiegroep is een van…",
    STARTS_IN_WINDOW: "De activiteit begint binnen de meldperiode", DEPARTURE_REASON_IN: "De reden van vertrek is een van…",
    CONTACT_WITH_FORMER_ORGANISATION: "Contact met de oude organisatie verwacht",
    USES_KNOWLEDGE_OR_CONTACTS: "Gebruikt kennis of contacten uit de oude functie",
    LATE_DECLARATION: "Gemeld nadat de activiteit begon", SELF_EMPLOYED: "Werkt als zelfstandige",
    VERSION_AT_LEAST: "De melding heeft minstens zoveel versies…",
    VOLUNTARY: "Vrijwillig", RETIREMENT: "Pensioen", REORGANISATION: "Reorganisatie", END_OF_CONTRACT: "Einde contract",
    DISCIPLINARY_DISMISSAL: "Strafontslag", OTHER_DISMISSAL: "Ander ontslag"
  },
  en: {
    title: "Risk rules", intro: "Every declaration is assessed with these rules. A rule holds when all its conditions hold; the risk is the highest level of the rules that hold. A change is a new revision and applies to assessments from now on; earlier assessments keep their revision.",
    ruleText: "Text", conditions: "Conditions", state: "State", newRule: "New rule",
    codeLabel: "Code (capitals, digits and _) *", levelLabel: "Level when the rule holds *",
    textNl: "Explanation in Dutch *", textEn: "Explanation in English *",
    placeholders: "The explanation may use: {sector}, {functionCode}, {functionRisk}, {functionGroup}, {windowEnd}, {startDate}, {departureReason} and {versionNumber}.",
    conditionsLegend: "Conditions (all must hold) *", addCondition: "Add a condition",
    enabledLabel: "Rule is switched on", condition: "Condition {n}", kind: "Kind", remove: "Remove condition {n}",
    atLeast: "At least", values: "One of", fromVersion: "From version (2 to 100)",
    editTitle: "Change rule {code} (now revision {revision})", newTitle: "New rule",
    switchOn: "Switch on", switchOff: "Switch off", saved: "Rule {code} is saved as revision {revision}.",
    ruleChanged: "Rule {code} is now {state} (revision {revision}).", revision: "revision",
    FUNCTION_RISK_AT_LEAST: "The function's risk is at least…",
    SECTOR_SENSITIVE_FOR_FUNCTION: "The sector is sensitive for the function (by the catalogue)",
    SECTOR_IN: "The sector is one of…", FUNCTION_GROUP_IN: "The function group is one of…",
    STARTS_IN_WINDOW: "The activity starts inside the declaration window", DEPARTURE_REASON_IN: "The departure reason is one of…",
    CONTACT_WITH_FORMER_ORGANISATION: "Contact with the former organisation expected",
    USES_KNOWLEDGE_OR_CONTACTS: "Uses knowledge or contacts from the former function",
    LATE_DECLARATION: "Declared after the activity started", SELF_EMPLOYED: "Works self-employed",
    VERSION_AT_LEAST: "The declaration has at least this many versions…",
    VOLUNTARY: "Voluntary", RETIREMENT: "Retirement", REORGANISATION: "Reorganisation", END_OF_CONTRACT: "End of contract",
    DISCIPLINARY_DISMISSAL: "Disciplinary dismissal", OTHER_DISMISSAL: "Other dismissal"
  }
};

const status = document.getElementById("status");
const editor = document.getElementById("editor");
const form = document.getElementById("rule-form");
let rules = [];
/** The rule being edited: its revision (0 for a new one) and the conditions as they are being changed. */
let draft = null;

function describe(condition) {
  const kind = t(condition.kind).replace("…", "");
  if (condition.level) {
    return `${kind} ${t(condition.level)}`;
  }
  if (condition.values) {
    return `${kind} ${condition.values.map(t).join(", ")}`;
  }
  return condition.count ? `${kind} ${condition.count}` : kind;
}

function draw() {
  rows("rules", rules, 6, r => {
    const conditions = el("ul", null, { class: "plain" });
    r.conditions.forEach(c => conditions.append(el("li", describe(c))));
    const cell = el("td");
    cell.append(conditions);
    const actions = el("td");
    actions.append(button(t("edit"), () => open(r), { "aria-label": `${t("edit")} ${r.code}` }), " ",
      button(t(r.enabled ? "switchOff" : "switchOn"), () => toggle(r), { "aria-label": `${t(r.enabled ? "switchOff" : "switchOn")} ${r.code}` }));
    return [el("td", r.code), el("td", t(r.level)), el("td", language() === "en" ? r.textEn : r.textNl), cell,
      el("td", `${t(r.enabled ? "on" : "off")}, ${t("revision")} ${r.revision}`), actions];
  });
  if (draft) {
    drawEditor();
  }
}

async function load() {
  rules = await api("GET", "/api/risk-rules");
  draw();
}

function open(rule) {
  draft = rule
    ? { code: rule.code, revision: rule.revision, conditions: rule.conditions.map(c => ({ ...c })) }
    : { code: null, revision: 0, conditions: [{ kind: "STARTS_IN_WINDOW" }] };
  clearFieldErrors(form);
  form.elements.code.value = rule?.code ?? "";
  form.elements.code.readOnly = Boolean(rule);
  form.elements.textNl.value = rule?.textNl ?? "";
  form.elements.textEn.value = rule?.textEn ?? "";
  form.elements.enabled.checked = rule ? rule.enabled : true;
  editor.hidden = false;
  drawEditor(rule?.level ?? "MEDIUM");
  document.getElementById("editor-heading").focus();
}

function close() {
  draft = null;
  editor.hidden = true;
}

function drawEditor(level = form.elements.level.value) {
  document.getElementById("editor-heading").textContent = draft.code
    ? t("editTitle").replace("{code}", draft.code).replace("{revision}", draft.revision) : t("newTitle");
  options(form.elements.level, RISK_LEVELS, level);
  document.getElementById("condition-list").replaceChildren(...draft.conditions.map(conditionRow));
}

/** One condition: its kind, the parameter that kind takes, and a button to remove it. */
function conditionRow(condition, i) {
  const n = String(i + 1);
  const row = el("fieldset", null, { class: "condition-row", id: "condition-" + i });
  row.append(el("legend", t("condition").replace("{n}", n)));
  const kindField = el("div", null, { class: "field" });
  const kind = el("select", null, { id: `kind-${i}` });
  options(kind, KINDS, condition.kind);
  kind.addEventListener("change", () => {
    draft.conditions[i] = { kind: kind.value };
    drawParameters(parameters, draft.conditions[i], i);
  });
  kindField.append(el("label", t("kind"), { for: `kind-${i}` }), kind);
  const parameters = el("div");
  drawParameters(parameters, condition, i);
  const remove = button(t("remove").replace("{n}", n), () => {
    draft.conditions.splice(i, 1);
    drawEditor();
  });
  row.append(kindField, parameters, el("p", null, { class: "field-error", id: `error-conditions-${i}` }), remove);
  return row;
}

function drawParameters(container, condition, i) {
  container.replaceChildren();
  if (condition.kind === "FUNCTION_RISK_AT_LEAST") {
    const select = el("select", null, { id: `condition-level-${i}` });
    options(select, RISK_LEVELS, condition.level ?? "HIGH");
    condition.level = select.value;
    select.addEventListener("change", () => { condition.level = select.value; });
    const field = el("div", null, { class: "field" });
    field.append(el("label", t("atLeast"), { for: select.id }), select);
    container.append(field);
  } else if (VALUES[condition.kind]) {
    const group = el("fieldset");
    const choices = el("div", null, { class: "choices" });
    checkboxes(choices, `condition-${i}-value`, VALUES[condition.kind], condition.values ?? []);
    choices.addEventListener("change", () => { condition.values = ticked(choices); });
    group.append(el("legend", t("values")), choices);
    container.append(group);
  } else if (condition.kind === "VERSION_AT_LEAST") {
    const input = el("input", null, { id: `condition-count-${i}`, type: "number", min: "2", max: "100", inputmode: "numeric" });
    input.value = condition.count ?? 3;
    condition.count = Number(input.value);
    input.addEventListener("input", () => { condition.count = input.value === "" ? null : Number(input.value); });
    const field = el("div", null, { class: "field" });
    field.append(el("label", t("fromVersion"), { for: input.id }), input);
    container.append(field);
  }
}

/** The request body: the conditions with only the parameter their kind takes. */
function request(enabled = form.elements.enabled.checked) {
  return {
    level: form.elements.level.value,
    conditions: draft.conditions.map(c => ({ kind: c.kind, level: c.level, values: c.values, count: c.count })),
    textNl: form.elements.textNl.value.trim(),
    textEn: form.elements.textEn.value.trim(),
    enabled,
    expectedRevision: draft.revision
  };
}

async function save(code, body) {
  return api("PUT", "/api/risk-rules/" + encodeURIComponent(code), body);
}

/** A 409 means another administrator saved first: show their version rather than overwrite it. */
async function reloadAfterConflict(code) {
  await load();
  const current = rules.find(r => r.code === code);
  if (current && draft) {
    open(current);
  }
  announce(status, t("stale"), "problem");
  status.focus();
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  clearFieldErrors(form);
  const code = form.elements.code.value.trim();
  if (!code) {
    document.getElementById("error-code").textContent = t("required");
    form.elements.code.setAttribute("aria-invalid", "true");
    form.elements.code.focus();
    return;
  }
  try {
    const saved = await save(code, request());
    close();
    await load();
    announce(status, t("saved").replace("{code}", saved.code).replace("{revision}", saved.revision));
    status.focus();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409) {
      await reloadAfterConflict(code);
    } else if (!showFieldErrors(form, e, field => field.replace(/^conditions\[(\d+)\].*$/, "conditions-$1"))) {
      announce(status, `${t("problem")}: ${e.message}`, "problem");
    }
  }
});

async function toggle(rule) {
  try {
    const saved = await save(rule.code, { level: rule.level, conditions: rule.conditions, textNl: rule.textNl,
      textEn: rule.textEn, enabled: !rule.enabled, expectedRevision: rule.revision });
    await load();
    announce(status, t("ruleChanged").replace("{code}", saved.code).replace("{state}", t(saved.enabled ? "on" : "off"))
      .replace("{revision}", saved.revision));
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409) {
      await reloadAfterConflict(rule.code);
    } else {
      announce(status, `${t("problem")}: ${e.message}`, "problem");
    }
  }
}

document.getElementById("new-rule").addEventListener("click", () => open(null));
document.getElementById("add-condition").addEventListener("click", () => {
  draft.conditions.push({ kind: "STARTS_IN_WINDOW" });
  drawEditor();
  document.getElementById(`kind-${draft.conditions.length - 1}`).focus();
});
document.getElementById("cancel").addEventListener("click", close);

if (await startAdminPage(TEXT, status, draw)) {
  await load().catch(() => announce(status, t("failed"), "problem"));
}
