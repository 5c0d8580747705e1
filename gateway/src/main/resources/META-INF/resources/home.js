// The portal's start page: log in, or go on to the pages of one's role.
import { startPage, t } from "/portal.js";

try {
  const session = await startPage();
  if (!session) {
    document.getElementById("anonymous").hidden = false;
  } else {
    document.getElementById("who").textContent = `${session.name || session.username} (${session.organisation || "-"})`;
    document.getElementById("signed-in").hidden = false;
    document.getElementById("alumnus-link").hidden = !session.roles.includes("alumnus");
    document.getElementById("office-link").hidden = !session.roles.includes("integrity-officer");
    document.getElementById("admin-link").hidden = !session.roles.includes("integrity-admin");
  }
} catch (e) {
  document.getElementById("status").textContent = t("common.failed");
}
