// The administrators' pages share a navigation (drawn here, the current page marked) and the
// session check: only integrity-admin may use them; the services check the same role again.
import { announce, el, startPage, t } from "/portal.js";

/** Each page of the administrators, named by its title. */
const PAGES = [["/admin/", "admin.webhooks.title"], ["/admin/rules.html", "admin.rules.title"],
  ["/admin/catalogue.html", "admin.catalogue.title"], ["/admin/briefing.html", "admin.briefing.title"],
  ["/admin/agreements.html", "admin.agreements.title"], ["/admin/import.html", "admin.import.title"],
  ["/admin/audit.html", "admin.audit.title"]];

/** The navigation between the administrators' pages, before the main content, its texts filled in with the page's. */
function drawNavigation() {
  const nav = el("nav", null, { class: "subnav", id: "admin-nav", "data-i18n-label": "admin.navLabel" });
  const list = el("ul");
  PAGES.forEach(([href, key]) => {
    const item = el("li");
    const link = el("a", null, { href, "data-i18n": key });
    if (location.pathname === href || (href === "/admin/" && location.pathname === "/admin/index.html")) {
      link.setAttribute("aria-current", "page");
    }
    item.append(link);
    list.append(item);
  });
  nav.append(list);
  document.getElementById("main").prepend(nav);
}

/**
 * Starts an administrators' page: resolves true when an administrator is logged in; sends others
 * to the login or tells them the page is not theirs.
 */
export async function startAdminPage(status, onLanguage) {
  drawNavigation();
  try {
    const session = await startPage(onLanguage);
    if (!session) {
      location.assign("/login");
      return false;
    }
    if (!session.roles.includes("integrity-admin")) {
      announce(status, t("admin.forbidden"), "problem");
      return false;
    }
    return true;
  } catch (e) {
    announce(status, t("common.failed"), "problem");
    return false;
  }
}

/** A small button that runs `action` when pressed. */
export function button(text, action, attributes = {}) {
  const b = el("button", text, { type: "button", class: "small", ...attributes });
  b.addEventListener("click", action);
  return b;
}

/** Fills a table body: one row per item from `render`, or one "nothing to show" row. */
export function rows(tbody, items, columns, render) {
  const body = document.getElementById(tbody);
  if (items.length === 0) {
    const tr = el("tr");
    tr.append(el("td", t("admin.noRows"), { colspan: String(columns) }));
    body.replaceChildren(tr);
    return;
  }
  body.replaceChildren(...items.map(item => {
    const tr = el("tr");
    tr.append(...render(item));
    return tr;
  }));
}
