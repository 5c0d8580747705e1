// The risk rules of the administrator's organisation: read them with their conditions, switch one
// on or off, change one or add one. Every save is a new revision made on the revision the
// administrator saw (expectedRevision); a change in between is reported, not overwritten.
import { announce, api, ApiProblem, checkboxes, clearFieldErrors, el, label, language, options, problem,
  showFieldErrors, t, ticked } from "/portal.js";
import { button, rows, startAdminPage } from "/admin/nav.js";

/** The enum table of the values a condition kind chooses from, for the kinds that take values. */
const VALUES = { SECTOR_IN: "sector", FUNCTION_GROUP_IN: "functionGroup", DEPARTURE_REASON_IN: "departureReason" };

const status = document.getElementById("status");
const editor = document.getElementById("editor");
const form = document.getElementById("rule-form");
let rules = [];
/** The rule being edited: its revision (0 for a new one) and the conditions as they are being changed. */
let draft = null;

function describe(condition) {
  const kind = label("ruleConditionKind", condition.kind).replace("…", "");
  if (condition.level) {
    return `${kind} ${label("riskLevel", condition.level)}`;
  }
  if (condition.values) {
    return `${kind} ${condition.values.map(v => label(VALUES[condition.kind], v)).join(", ")}`;
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
    const toggleText = t(r.enabled ? "admin.switchOff" : "admin.switchOn");
    actions.append(button(t("common.edit"), () => open(r), { "aria-label": `${t("common.edit")} ${r.code}` }), " ",
      button(toggleText, () => toggle(r), { "aria-label": `${toggleText} ${r.code}` }));
    return [el("td", r.code), el("td", label("riskLevel", r.level)), el("td", language() === "en" ? r.textEn : r.textNl), cell,
      el("td", `${t(r.enabled ? "admin.on" : "admin.off")}, ${t("admin.rules.revision")} ${r.revision}`), actions];
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
    ? t("admin.rules.editTitle", { code: draft.code, revision: draft.revision }) : t("admin.rules.newRule");
  options(form.elements.level, "riskLevel", level);
  document.getElementById("condition-list").replaceChildren(...draft.conditions.map(conditionRow));
}

/** One condition: its kind, the parameter that kind takes, and a button to remove it. */
function conditionRow(condition, i) {
  const n = String(i + 1);
  const row = el("fieldset", null, { class: "condition-row", id: "condition-" + i });
  row.append(el("legend", t("admin.rules.condition", { n })));
  const kindField = el("div", null, { class: "field" });
  const kind = el("select", null, { id: `kind-${i}` });
  options(kind, "ruleConditionKind", condition.kind);
  kind.addEventListener("change", () => {
    draft.conditions[i] = { kind: kind.value };
    drawParameters(parameters, draft.conditions[i], i);
  });
  kindField.append(el("label", t("common.kind"), { for: `kind-${i}` }), kind);
  const parameters = el("div");
  drawParameters(parameters, condition, i);
  const remove = button(t("admin.rules.remove", { n }), () => {
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
    options(select, "riskLevel", condition.level ?? "HIGH");
    condition.level = select.value;
    select.addEventListener("change", () => { condition.level = select.value; });
    const field = el("div", null, { class: "field" });
    field.append(el("label", t("admin.rules.atLeast"), { for: select.id }), select);
    container.append(field);
  } else if (VALUES[condition.kind]) {
    const group = el("fieldset");
    const choices = el("div", null, { class: "choices" });
    checkboxes(choices, `condition-${i}-value`, VALUES[condition.kind], condition.values ?? []);
    choices.addEventListener("change", () => { condition.values = ticked(choices); });
    group.append(el("legend", t("admin.rules.values")), choices);
    container.append(group);
  } else if (condition.kind === "VERSION_AT_LEAST") {
    const input = el("input", null, { id: `condition-count-${i}`, type: "number", min: "2", max: "100", inputmode: "numeric" });
    input.value = condition.count ?? 3;
    condition.count = Number(input.value);
    input.addEventListener("input", () => { condition.count = input.value === "" ? null : Number(input.value); });
    const field = el("div", null, { class: "field" });
    field.append(el("label", t("admin.rules.fromVersion"), { for: input.id }), input);
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
  announce(status, t("admin.stale"), "problem");
  status.focus();
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  clearFieldErrors(form);
  const code = form.elements.code.value.trim();
  if (!code) {
    document.getElementById("error-code").textContent = t("common.required");
    form.elements.code.setAttribute("aria-invalid", "true");
    form.elements.code.focus();
    return;
  }
  try {
    const saved = await save(code, request());
    close();
    await load();
    announce(status, t("admin.rules.saved", { code: saved.code, revision: saved.revision }));
    status.focus();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409) {
      await reloadAfterConflict(code);
    } else if (!showFieldErrors(form, e, field => field.replace(/^conditions\[(\d+)\].*$/, "conditions-$1"))) {
      announce(status, problem(e), "problem");
    }
  }
});

async function toggle(rule) {
  try {
    const saved = await save(rule.code, { level: rule.level, conditions: rule.conditions, textNl: rule.textNl,
      textEn: rule.textEn, enabled: !rule.enabled, expectedRevision: rule.revision });
    await load();
    announce(status, t("admin.rules.ruleChanged",
      { code: saved.code, state: t(saved.enabled ? "admin.on" : "admin.off"), revision: saved.revision }));
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409) {
      await reloadAfterConflict(rule.code);
    } else {
      announce(status, problem(e), "problem");
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

if (await startAdminPage(status, draw)) {
  await load().catch(() => announce(status, t("common.failed"), "problem"));
}
