package nl.integrity.alumni.audit;

import jakarta.ws.rs.Path;
import nl.integrity.platform.audit.OrganisationAuditTrail;

/** The organisation's audit trail of the registry, for its administrators ({@link OrganisationAuditTrail}). */
@Path("/api/alumni/audit-trail")
public class AuditTrailBrowser extends OrganisationAuditTrail {}
