// The administrators' page for outgoing notifications: webhook subscriptions (subscribe, switch on
// and off; the signing secret is shown once) and the delivery log with replay.
import { announce, api, clearFieldErrors, el, showFieldErrors, t } from "/portal.js";
import { button, rows, startAdminPage } from "/admin/nav.js";

const TEXT = {
  nl: {
    title: "Webhooks en afleverlog", webhooks: "Webhook-abonnementen", eventTypes: "Gebeurtenissen", state: "Stand",
    newSubscription: "Nieuw abonnement", url: "URL van de ontvanger *",
    eventTypesLabel: "Gebeurtenissen, gescheiden door komma's (* voor alle) *", description: "Omschrijving",
    subscribe: "Abonnement aanmaken", secretOnce: "Het geheim om handtekeningen te controleren. Het wordt maar één keer getoond:",
    deliveries: "Afleverlog", deliveryStatus: "Stand", any: "Alle", show: "Toon", channel: "Kanaal", recipient: "Ontvanger",
    event: "Gebeurtenis", attempts: "Pogingen", lastError: "Laatste fout", switchOn: "Aanzetten",
    switchOff: "Uitzetten", replay: "Opnieuw versturen", subscribed: "Abonnement aangemaakt.", replayed: "Wordt opnieuw verstuurd.",
    subscriptionChanged: "Abonnement staat nu {state}."
  },
  en: {
    title: "Webhooks and delivery log", webhooks: "Webhook subscriptions", eventTypes: "Events", state: "State",
    newSubscription: "New subscription", url: "Receiver URL *", eventTypesLabel: "Events, separated by commas (* for all) *",
    description: "Description", subscribe: "Create subscription",
    secretOnce: "The secret to verify signatures with. It is shown only once:", deliveries: "Delivery log",
    deliveryStatus: "State", any: "All", show: "Show", channel: "Channel", recipient: "Recipient", event: "Event",
    attempts: "Attempts", lastError: "Last error", switchOn: "Switch on", switchOff: "Switch off",
    replay: "Send again", subscribed: "Subscription created.", replayed: "Being sent again.",
    subscriptionChanged: "Subscription is now {state}."
  }
};

const status = document.getElementById("status");
let subscriptions = [];
let deliveries = [];

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
}

async function loadDeliveries() {
  const state = document.getElementById("delivery-status").value;
  deliveries = (await api("GET", "/api/deliveries?size=50" + (state ? "&status=" + state : ""))).items;
}

async function load() {
  subscriptions = await api("GET", "/api/webhook-subscriptions");
  await loadDeliveries();
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
  const form = event.target;
  clearFieldErrors(form);
  const body = {
    url: document.getElementById("url").value.trim(),
    eventTypes: document.getElementById("eventTypes").value.split(",").map(x => x.trim()).filter(x => x),
    description: document.getElementById("description").value.trim() || null
  };
  try {
    const created = await api("POST", "/api/webhook-subscriptions", body);
    document.getElementById("secret-value").textContent = created.secret;
    document.getElementById("secret").hidden = false;
    form.reset();
    await load();
    announce(status, t("subscribed"));
  } catch (e) {
    if (!showFieldErrors(form, e, field => field.replace(/\[.*$/, ""))) {
      announce(status, `${t("problem")}: ${e.message}`, "problem");
    }
  }
});

if (await startAdminPage(TEXT, status, draw)) {
  await load().catch(() => announce(status, t("failed"), "problem"));
}
