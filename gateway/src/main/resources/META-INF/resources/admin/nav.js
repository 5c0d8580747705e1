// The administrators' pages share a navigation (drawn here, the current page marked) and the
// session check: only integrity-admin may use them; the services check the same role again.
import { announce, el, startPage, t } from "/portal.js";

const PAGES = [["/admin/", "navWebhooks"], ["/admin/rules.html", "navRules"], ["/admin/catalogue.html", "navCatalogue"],
  ["/admin/import.html", "navImport"]];

/** The navigation between the administrators' pages, in the page's #admin-nav, before the texts are filled in. */
function drawNavigation() {
  const nav = document.getElementById("admin-nav");
  const list = el("ul");
  PAGES.forEach(([href, key]) => {
    const item = el("li");
    const link = el("a", null, { href, "data-t": key });
    if (location.pathname === href || (href === "/admin/" && location.pathname === "/admin/index.html")) {
      link.setAttribute("aria-current", "page");
    }
    item.append(link);
    list.append(item);
  });
  nav.replaceChildren(list);
}

const NAV = {
  nl: { navWebhooks: "Webhooks en afleverlog", navRules: "Risicoregels",
    navCatalogue: "Functiecatalogus", navImport: "Oud-medewerkers importeren",
    forbidden: "Deze pagina is voor beheerders.", noRows: "Niets te tonen.", on: "aan", off: "uit",
    save: "Opslaan", cancel: "Annuleren", edit: "Wijzigen", actions: "Acties", code: "Code", level: "Niveau",
    stale: "Iemand anders heeft dit intussen gewijzigd. De nieuwe stand staat hieronder; breng uw wijziging opnieuw aan.",
    LOW: "laag", MEDIUM: "middel", HIGH: "hoog", CRITICAL: "kritiek",
    INVESTIGATION: "Opsporing", INTELLIGENCE: "Inlichtingen", OPERATIONAL: "Operationeel",
    BORDER_SECURITY: "Grens en beveiliging", LEADERSHIP: "Leidinggevend", SUPPORT: "Ondersteuning" },
  en: { navWebhooks: "Webhooks and delivery log", navRules: "Risk rules",
    navCatalogue: "Function catalogue", navImport: "Import former employees",
    forbidden: "This page is for administrators.", noRows: "Nothing to show.", on: "on", off: "off",
    save: "Save", cancel: "Cancel", edit: "Change", actions: "Actions", code: "Code", level: "Level",
    stale: "Someone else changed this meanwhile. The new state is shown below; please apply your change again.",
    LOW: "low", MEDIUM: "medium", HIGH: "high", CRITICAL: "critical",
    INVESTIGATION: "Investigation", INTELLIGENCE: "Intelligence", OPERATIONAL: "Operational",
    BORDER_SECURITY: "Border and security", LEADERSHIP: "Leadership", SUPPORT: "Support" }
};

export const RISK_LEVELS = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];
/** The function groups of the catalogue (ICT is labelled by the shared sector text). */
export const FUNCTION_GROUPS = ["INVESTIGATION", "ICT", "INTELLIGENCE", "OPERATIONAL", "BORDER_SECURITY", "LEADERSHIP",
  "SUPPORT"];

/** Options of a select: each code with its label, `selected` chosen. */
export function options(select, codes, selected) {
  select.replaceChildren(...codes.map(code => {
    const option = document.createElement("option");
    option.value = code;
    option.textContent = t(code);
    option.selected = code === selected;
    return option;
  }));
}

/** Checkboxes for `codes` in `container`, ids prefix-CODE, those in `checked` ticked. */
export function checkboxes(container, prefix, codes, checked) {
  container.replaceChildren(...codes.map(code => {
    const wrap = document.createElement("div");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = `${prefix}-${code}`;
    box.value = code;
    box.checked = checked.includes(code);
    const label = document.createElement("label");
    label.htmlFor = box.id;
    label.className = "inline";
    label.textContent = t(code);
    wrap.append(box, label);
    return wrap;
  }));
}

/** The codes ticked among the checkboxes in `container`. */
export function ticked(container) {
  return [...container.querySelectorAll("input[type=checkbox]:checked")].map(box => box.value);
}

/**
 * Starts an administrators' page with its own texts: resolves true when an administrator is
 * logged in; sends others to the login or tells them the page is not theirs.
 */
export async function startAdminPage(texts, status, onLanguage) {
  const merged = { nl: { ...NAV.nl, ...texts.nl }, en: { ...NAV.en, ...texts.en } };
  drawNavigation();
  try {
    const session = await startPage(merged, onLanguage);
    if (!session) {
      location.assign("/login");
      return false;
    }
    if (!session.roles.includes("integrity-admin")) {
      announce(status, t("forbidden"), "problem");
      return false;
    }
    return true;
  } catch (e) {
    announce(status, t("failed"), "problem");
    return false;
  }
}

/** A small button that runs `action` when pressed. */
export function button(text, action, attributes = {}) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "small";
  b.textContent = text;
  Object.entries(attributes).forEach(([name, value]) => b.setAttribute(name, value));
  b.addEventListener("click", action);
  return b;
}

/** Fills a table body: one row per item from `render`, or one "nothing to show" row. */
export function rows(tbody, items, columns, render) {
  const body = document.getElementById(tbody);
  if (items.length === 0) {
    const tr = document.createElement("tr");
    const td = document.createElement("td");
    td.colSpan = columns;
    td.textContent = t("noRows");
    tr.append(td);
    body.replaceChildren(tr);
    return;
  }
  body.replaceChildren(...items.map(item => {
    const tr = document.createElement("tr");
    tr.append(...render(item));
    return tr;
  }));
}
