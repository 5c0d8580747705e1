package nl.integrity.notification.audit;

import jakarta.ws.rs.Path;
import nl.integrity.platform.audit.OrganisationAuditTrail;

/** The organisation's audit trail of alerts, mailings and webhooks, for its administrators ({@link OrganisationAuditTrail}). */
@Path("/api/notifications/audit-trail")
public class AuditTrailBrowser extends OrganisationAuditTrail {}
