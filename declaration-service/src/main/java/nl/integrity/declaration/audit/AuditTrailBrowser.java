package nl.integrity.declaration.audit;

import jakarta.ws.rs.Path;
import nl.integrity.platform.audit.OrganisationAuditTrail;

/** The organisation's audit trail of declarations and reviews, for its administrators ({@link OrganisationAuditTrail}). */
@Path("/api/declarations/audit-trail")
public class AuditTrailBrowser extends OrganisationAuditTrail {}
