package nl.integrity.alumni.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import nl.integrity.alumni.AlumniConfig;
import nl.integrity.alumni.aftercare.AftercareResource;
import nl.integrity.alumni.agreement.AgreementResource;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.audit.Purpose;
import nl.integrity.alumni.briefing.BriefingResource;
import nl.integrity.alumni.consent.ConsentResource.ConsentResponse;
import nl.integrity.alumni.consent.NetworkConsent;
import nl.integrity.alumni.exitinterview.ExitInterview;
import nl.integrity.alumni.exitinterview.ExitInterviewResource.InterviewResponse;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.alumni.registry.AlumnusResponse;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Right of access (AVG/GDPR art. 15): everything alumni-service holds about the calling alumnus,
 * as one JSON document, at once instead of within the month the law allows.
 */
@Path("/api/alumni/me/export")
@Tag(name = "Privacy")
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    private final Caller caller;
    private final Clock clock;
    private final AuditLog auditLog;
    private final Period grace;

    ExportResource(Caller caller, Clock clock, AuditLog auditLog, AlumniConfig config) {
        this.caller = caller;
        this.clock = clock;
        this.auditLog = auditLog;
        this.grace = config.aftercare().grace();
    }

    /**
     * Who at the office (or which system) looked at or changed the record, by role, and why (staff
     * names are theirs to keep: CJEU C-579/21); {@code listed} when the record was one of a list
     * shown, such as a page of search results.
     */
    public record Access(Instant occurredAt, String actorRole, String action, Purpose purpose, boolean listed) {}

    public record PersonalDataExport(
            Instant generatedAt,
            String controller,
            AlumnusResponse record,
            ConsentResponse networkConsent,
            List<InterviewResponse> exitInterviews,
            BriefingResource.BriefingState departureBriefing,
            List<AgreementResource.AgreementResponse> agreements,
            List<AftercareResource.ContactResponse> aftercare,
            List<DataSubjectRequestResource.RequestResponse> dataSubjectRequests,
            List<Access> accessLog) {}

    @GET
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(
            summary = "Download everything held about me",
            description =
                    "My record with functions and obligation window, my consent history, my exit interviews, my departure briefing, my post-employment agreements, my aftercare plan, my requests for correction and objections with their answers, and who accessed or changed my record (or listed it) when and why.")
    public Response export() {
        var alumnus = Alumnus.ofCaller(caller);
        LocalDate today = LocalDate.now(clock);
        var accessLog = auditLog.trail(alumnus.id()).stream()
                .map(e ->
                        new Access(e.occurredAt(), e.actorRole(), e.action(), Purpose.ofEntry(e.purpose()), e.listed()))
                .toList();
        var export = new PersonalDataExport(
                clock.instant(),
                "Integrity office of " + alumnus.organisation(),
                AlumnusResponse.from(alumnus, today),
                ConsentResponse.of(NetworkConsent.history(alumnus.id())),
                ExitInterview.of(alumnus.id()).stream()
                        .map(InterviewResponse::from)
                        .toList(),
                BriefingResource.BriefingState.of(alumnus.id()),
                AgreementResource.AgreementResponse.allOf(alumnus.id(), today),
                AftercareResource.planOf(alumnus.id(), today, grace),
                DataSubjectRequest.of(alumnus.id()).stream()
                        .map(DataSubjectRequestResource.RequestResponse::of)
                        .toList(),
                accessLog);
        return Response.ok(export)
                .header("Content-Disposition", "attachment; filename=\"my-data-alumni-service.json\"")
                .build();
    }
}
