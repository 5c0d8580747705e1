package nl.integrity.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An organisation's audit trail in one service, for its administrators: who did what to which
 * record, when, why and under which request, newest first, filtered and paged by a cursor, as JSON
 * or as CSV to take elsewhere. A service exposes it by subclassing with its own {@code @Path}; the
 * trail itself holds no personal data of alumni but their ids, so reading it is not audited again.
 */
@Tag(name = "Audit")
public abstract class OrganisationAuditTrail {

    static final ZoneId OFFICE_TIME = ZoneId.of("Europe/Amsterdam");
    private static final int CSV_LIMIT = 10_000;

    @Inject
    Caller caller;

    @Inject
    StaffAudit audit;

    /** One page of the trail and the cursor to the next (null on the last page). */
    public record TrailPage(List<StaffAudit.Entry> entries, Long next) {}

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(
            summary = "The organisation's audit trail in this service, newest first",
            description = "Who (actor and role) did what (action) to which record or list of records, when, for which "
                    + "purpose and under which request id. Filters combine; from and to are office days "
                    + "(Europe/Amsterdam), to inclusive. Page on with before=next. format=csv gives up to 10,000 "
                    + "entries as CSV.")
    public Response trail(
            @QueryParam("actor") @Pattern(regexp = Caller.USERNAME, message = "a username") String actor,
            @QueryParam("action") @Pattern(regexp = "[A-Z_]{1,40}", message = "an action such as READ_RECORD")
                    String action,
            @QueryParam("subjectType") @Pattern(regexp = "[a-z-]{1,40}", message = "a subject type such as alumnus")
                    String subjectType,
            @QueryParam("subjectId") UUID subjectId,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @QueryParam("before") @Min(value = 1, message = "the next cursor of a previous page") Long before,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("format") @DefaultValue("json") @Pattern(regexp = "json|csv", message = "json or csv")
                    String format) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidField("to", "must not be before from");
        }
        var filter = new StaffAudit.Filter(
                actor,
                action,
                subjectType,
                subjectId,
                from == null ? null : from.atStartOfDay(OFFICE_TIME).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(OFFICE_TIME).toInstant(),
                before);
        if (format.equals("csv")) {
            return Response.ok(csv(audit.browse(caller.organisation(), filter, CSV_LIMIT)), "text/csv")
                    .header("Content-Disposition", "attachment; filename=\"audit-trail.csv\"")
                    .build();
        }
        List<StaffAudit.Entry> entries = audit.browse(caller.organisation(), filter, limit + 1);
        Long next = null;
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
            next = entries.get(limit - 1).id();
        }
        return Response.ok(new TrailPage(entries, next), MediaType.APPLICATION_JSON)
                .build();
    }

    static String csv(List<StaffAudit.Entry> entries) {
        StringBuilder out = new StringBuilder(
                "id,occurredAt,actor,actorRole,action,subjectType,subjectId,subjectIds,purpose,detail,requestId\r\n");
        for (StaffAudit.Entry e : entries) {
            out.append(e.id())
                    .append(',')
                    .append(e.occurredAt())
                    .append(',')
                    .append(cell(e.actor()))
                    .append(',')
                    .append(cell(e.actorRole()))
                    .append(',')
                    .append(cell(e.action()))
                    .append(',')
                    .append(cell(e.subjectType()))
                    .append(',')
                    .append(e.subjectId() == null ? "" : e.subjectId())
                    .append(',')
                    .append(e.subjectIds().stream().map(UUID::toString).collect(Collectors.joining(" ")))
                    .append(',')
                    .append(cell(e.purpose()))
                    .append(',')
                    .append(cell(e.detail()))
                    .append(',')
                    .append(cell(e.requestId()))
                    .append("\r\n");
        }
        return out.toString();
    }

    /**
     * A CSV cell (RFC 4180), quoted when it must be, and defused when a spreadsheet would read it as
     * a formula (a leading = + - @ gets a quote mark in front).
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
