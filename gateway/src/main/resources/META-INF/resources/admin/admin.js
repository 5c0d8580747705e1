// The administrators' page: webhook subscriptions (subscribe, switch on and off; the signing secret
// is shown once), the delivery log with replay, the risk rules (switch a rule on or off: a new
// revision) and the function catalogue of the administrator's organisation.
import { announce, api, ApiProblem, el, language, startPage, t } from "/portal.js";

const TEXT = {
  nl: {
    title: "Beheer", webhooks: "Webhook-abonnementen", eventTypes: "Gebeurtenissen", state: "Stand", actions: "Acties",
    newSubscription: "Nieuw abonnement", url: "URL van de ontvanger *",
    eventTypesLabel: "Gebeurtenissen, gescheiden door komma's (* voor alle) *", description: "Omschrijving",
    subscribe: "Abonnement aanmaken", secretOnce: "Het geheim om handtekeningen te controleren. Het wordt maar één keer getoond:",
    deliveries: "Afleverlog", deliveryStatus: "Stand", any: "Alle", show: "Toon", channel: "Kanaal", recipient: "Ontvanger",
    event: "Gebeurtenis", attempts: "Pogingen", lastError: "Laatste fout", rules: "Risicoregels", code: "Code",
    level: "Niveau", ruleText: "Tekst", enabled: "Aan", catalogue: "Functiecatalogus", functionTitle: "Functie",
    group: "Groep", coolingOff: "Afkoelperiode (maanden)", on: "aan", off: "uit", switchOn: "Aanzetten",
    switchOff: "Uitzetten", replay: "Opnieuw versturen", subscribed: "Abonnement aangemaakt.", replayed: "Wordt opnieuw verstuurd.",
    ruleChanged: "Regel {code} staat nu {state} (nieuwe revisie).", subscriptionChanged: "Abonnement staat nu {state}.",
    required: "Vul dit in.", forbidden: "Deze pagina is voor beheerders.", noRows: "Niets te tonen."
  },
  en: {
    title: "Administration", webhooks: "Webhook subscriptions", eventTypes: "Events", state: "State", actions: "Actions",
    newSubscription: "New subscription", url: "Receiver URL *", eventTypesLabel: "Events, separated by commas (* for all) *",
    description: "Description", subscribe: "Create subscription",
    secretOnce: "The secret to verify signatures with. It is shown only once:", deliveries: "Delivery log",
    deliveryStatus: "State", any: "All", show: "Show", channel: "Channel", recipient: "Recipient", event: "Event",
    attempts: "Attempts", lastError: "Last error", rules: "Risk rules", code: "Code", level: "Level", ruleText: "Text",
    enabled: "On", catalogue: "Function catalogue", functionTitle: "Function", group: "Group",
    coolingOff: "Cooling-off (months)", on: "on", off: "off", switchOn: "Switch on", switchOff: "Switch off",
    replay: "Send again", subscribed: "Subscription created.", replayed: "Being sent again.",
    ruleChanged: "Rule {code} is now {state} (new revision).", subscriptionChanged: "Subscription is now {state}.",
    required: "Please fill this in.", forbidden: "This page is for administrators.", noRows: "Nothing to show."
  }
};

const status = document.getElementById("status");
let subscriptions = [];
let deliveries = [];
let rules = [];
let catalogue = [];

function button(text, action) {
  const b = el("button", text, { type: "button", class: "small" });
  b.addEventListener("click", action);
  return b;
}

function rows(tbody, items, columns, render) {
  document.getElementById(tbody).replaceChildren(...(items.length === 0
    ? [(() => { const tr = el("tr"); tr.append(el("td", t("noRows"), { colspan: String(columns) })); return tr; })()]
    : items.map(item => { const tr = el("tr"); tr.append(...render(item)); return tr; })));
}

function actions(...children) {
  const td = el("td");
  children.forEach(c => td.append(c, " "));
  return td;
}

function draw() {
  rows("subscriptions", subscriptions, 4, s => [el("td", s.url), el("td", s.eventTypes.join(", ")),
    el("td", t(s.enabled ? "on" : "off") + (s.disabledReason ? ` — ${s.disabledReason}` : "")),
    actions(button(t(s.enabled ? "switchOff" : "switchOn"), () => toggleSubscription(s)))]);
  rows("deliveries", deliveries, 7, d => [el("td", d.channel), el("td", d.recipient), el("td", d.eventType),
    el("td", d.status), el("td", d.attempts), el("td", d.lastError ?? "—"),
    actions(...(["DEAD", "FAILED"].includes(d.status) ? [button(t("replay"), () => replay(d))] : []))]);
  rows("rules", rules, 4, r => [el("td", r.code), el("td", r.level), el("td", language() === "en" ? r.textEn : r.textNl),
    actions(el("span", t(r.enabled ? "on" : "off")), button(t(r.enabled ? "switchOff" : "switchOn"), () => toggleRule(r)))]);
  rows("catalogue", catalogue, 5, f => [el("td", f.code), el("td", f.title), el("td", f.functionGroup), el("td", f.riskLevel),
    el("td", f.coolingOffMonths)]);
}

async function loadDeliveries() {
  const state = document.getElementById("delivery-status").value;
  deliveries = (await api("GET", "/api/deliveries?size=50" + (state ? "&status=" + state : ""))).items;
}

async function load() {
  subscriptions = await api("GET", "/api/webhook-subscriptions");
  await loadDeliveries();
  rules = await api("GET", "/api/risk-rules");
  catalogue = await api("GET", "/api/function-profiles");
  draw();
}

async function run(action, message) {
  try {
    await action();
    await load();
    announce(status, message());
  } catch (e) {
    announce(status, `${t("problem")}: ${e.message}`, "problem");
  }
}

function toggleSubscription(s) {
  run(() => api("PUT", "/api/webhook-subscriptions/" + encodeURIComponent(s.id),
    { url: s.url, eventTypes: s.eventTypes, description: s.description, enabled: !s.enabled }),
  () => t("subscriptionChanged").replace("{state}", t(s.enabled ? "off" : "on")));
}

function toggleRule(r) {
  run(() => api("PUT", "/api/risk-rules/" + encodeURIComponent(r.code),
    { level: r.level, conditions: r.conditions, textNl: r.textNl, textEn: r.textEn, enabled: !r.enabled }),
  () => t("ruleChanged").replace("{code}", r.code).replace("{state}", t(r.enabled ? "off" : "on")));
}

function replay(d) {
  run(() => api("POST", `/api/deliveries/${encodeURIComponent(d.id)}/replay`), () => t("replayed"));
}

document.getElementById("delivery-filter").addEventListener("submit", async event => {
  event.preventDefault();
  await loadDeliveries();
  draw();
});

document.getElementById("subscription-form").addEventListener("submit", async event => {
  event.preventDefault();
  document.querySelectorAll("#subscription-form .field-error").forEach(p => { p.textContent = ""; });
  document.querySelectorAll("#subscription-form [aria-invalid]").forEach(e => e.removeAttribute("aria-invalid"));
  const body = {
    url: document.getElementById("url").value.trim(),
    eventTypes: document.getElementById("eventTypes").value.split(",").map(x => x.trim()).filter(x => x),
    description: document.getElementById("description").value.trim() || null
  };
  try {
    const created = await api("POST", "/api/webhook-subscriptions", body);
    document.getElementById("secret-value").textContent = created.secret;
    document.getElementById("secret").hidden = false;
    event.target.reset();
    await load();
    announce(status, t("subscribed"));
  } catch (e) {
    const errors = e instanceof ApiProblem ? e.problem.errors ?? [] : [];
    if (errors.length === 0) {
      announce(status, `${t("problem")}: ${e.message}`, "problem");
      return;
    }
    errors.forEach(({ field, message }) => {
      const name = field.replace(/\[.*$/, "");
      const slot = document.getElementById("error-" + name);
      if (slot) {
        slot.textContent = message.startsWith("must not be") ? t("required") : message;
      }
      document.getElementById(name)?.setAttribute("aria-invalid", "true");
    });
    document.querySelector("#subscription-form [aria-invalid]")?.focus();
  }
});

try {
  const session = await startPage(TEXT, draw);
  if (!session) {
    location.assign("/login");
  } else if (!session.roles.includes("integrity-admin")) {
    announce(status, t("forbidden"), "problem");
  } else {
    await load();
  }
} catch (e) {
  announce(status, t("failed"), "problem");
}
