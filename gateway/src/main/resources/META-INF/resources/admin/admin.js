// The administrators' page for outgoing notifications: webhook subscriptions (subscribe, switch on
// and off; the signing secret is shown once) and the delivery log with replay.
import { addOptions, announce, api, clearFieldErrors, el, label, problem, showFieldErrors, t } from "/portal.js";
import { button, rows, startAdminPage } from "/admin/nav.js";

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
    el("td", t(s.enabled ? "admin.on" : "admin.off") + (s.disabledReason ? ` — ${s.disabledReason}` : "")),
    actions(button(t(s.enabled ? "admin.switchOff" : "admin.switchOn"), () => toggleSubscription(s)))]);
  rows("deliveries", deliveries, 7, d => [el("td", label("deliveryChannel", d.channel)), el("td", d.recipient),
    el("td", d.eventType), el("td", label("deliveryStatus", d.status)), el("td", d.attempts), el("td", d.lastError ?? "—"),
    actions(...(["DEAD", "FAILED"].includes(d.status) ? [button(t("admin.webhooks.replay"), () => replay(d))] : []))]);
}

async function loadDeliveries() {
  const state = document.getElementById("delivery-status").value;
  deliveries = (await api("GET", "/api/deliveries?size=50" + (state ? "&status=" + encodeURIComponent(state) : ""))).items;
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
    announce(status, problem(e), "problem");
  }
}

function toggleSubscription(s) {
  run(() => api("PUT", "/api/webhook-subscriptions/" + encodeURIComponent(s.id),
    { url: s.url, eventTypes: s.eventTypes, description: s.description, enabled: !s.enabled }),
  () => t("admin.webhooks.subscriptionChanged", { state: t(s.enabled ? "admin.off" : "admin.on") }));
}

function replay(d) {
  run(() => api("POST", `/api/deliveries/${encodeURIComponent(d.id)}/replay`), () => t("admin.webhooks.replayed"));
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
    announce(status, t("admin.webhooks.subscribed"));
  } catch (e) {
    if (!showFieldErrors(form, e, field => field.replace(/\[.*$/, ""))) {
      announce(status, problem(e), "problem");
    }
  }
});

if (await startAdminPage(status, draw)) {
  addOptions(document.getElementById("delivery-status"), "deliveryStatus");
  await load().catch(() => announce(status, t("common.failed"), "problem"));
}
