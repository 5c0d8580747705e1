package nl.integrity.alumni.agreement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.audit.Purpose;
import nl.integrity.alumni.catalogue.Sector;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Post-employment agreements of a departure: officers of the alumnus' organisation attach them
 * from the library and read them (reads audited); the alumnus reads and accepts their own.
 */
@Path("/api/alumni")
@Tag(name = "Post-employment agreements")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

    public static final String READ_AGREEMENTS = "READ_AGREEMENTS";

    private final Agreements agreements;
    private final Caller caller;
    private final AuditLog auditLog;
    private final Clock clock;

    AgreementResource(Agreements agreements, Caller caller, AuditLog auditLog, Clock clock) {
        this.agreements = agreements;
        this.caller = caller;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * An agreement with the words it was proposed with; {@code inForce} whether it binds today
     * (accepted, and today in its period). An accepted agreement whose end date passed has ended.
     */
    public record AgreementResponse(
            UUID id,
            UUID alumnusId,
            AgreementKind kind,
            String code,
            String titleNl,
            String titleEn,
            String textNl,
            String textEn,
            Sector sector,
            String subject,
            LocalDate startsOn,
            LocalDate endsOn,
            AgreementStatus status,
            boolean inForce,
            boolean ended,
            int templateRevision,
            String proposedBy,
            Instant proposedAt,
            Instant acceptedAt,
            String withdrawnBy,
            Instant withdrawnAt) {

        /** Every agreement of the alumnus, as proposed (for the download of their data). */
        public static List<AgreementResponse> allOf(UUID alumnusId, LocalDate today) {
            return Agreement.of(alumnusId).stream().map(a -> of(a, today)).toList();
        }

        static AgreementResponse of(Agreement a, LocalDate today) {
            return new AgreementResponse(
                    a.id(),
                    a.alumnusId(),
                    a.kind(),
                    a.code(),
                    a.titleNl(),
                    a.titleEn(),
                    a.textNl(),
                    a.textEn(),
                    a.sector(),
                    a.subject(),
                    a.startsOn(),
                    a.endsOn(),
                    a.status(),
                    a.inForceOn(today),
                    a.status() == AgreementStatus.ACCEPTED && !today.isBefore(a.endsOn()),
                    a.templateRevision(),
                    a.proposedBy(),
                    a.proposedAt(),
                    a.acceptedAt(),
                    a.withdrawnBy(),
                    a.withdrawnAt());
        }
    }

    /**
     * An agreement from the library: {@code sector} for a sector cooling-off, {@code subject} (a
     * unit, a body, a subject) for the others; the period defaults to the template's months from
     * the departure date.
     */
    public record ProposalRequest(
            @NotNull UUID templateId,
            Sector sector,
            @Size(min = 1, max = 200) String subject,
            LocalDate startsOn,
            LocalDate endsOn) {}

    @POST
    @Path("/{id}/agreements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "Attach an agreement to the departure of an alumnus of my organisation",
            description = "Proposed to the alumnus, who is mailed that it waits in the portal for acceptance.")
    public Response propose(@PathParam("id") UUID alumnusId, @Valid @NotNull ProposalRequest request) {
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        var agreement = agreements.propose(
                alumnus.id(),
                alumnus.organisation(),
                new Agreements.Proposal(
                        request.templateId(),
                        request.sector(),
                        request.subject() == null || request.subject().isBlank()
                                ? null
                                : request.subject().strip(),
                        request.startsOn(),
                        request.endsOn()),
                caller.username());
        return Response.created(URI.create("/api/alumni/" + alumnusId + "/agreements/" + agreement.id()))
                .entity(AgreementResponse.of(agreement, today()))
                .build();
    }

    @GET
    @Path("/{id}/agreements")
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "The agreements of an alumnus of my organisation",
            description = "The read is audited with its purpose.")
    public List<AgreementResponse> ofAlumnus(@PathParam("id") UUID alumnusId, @QueryParam("purpose") String purpose) {
        Purpose why = Purpose.of(purpose);
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        auditLog.record(READ_AGREEMENTS, alumnus.id(), alumnus.organisation().name(), why);
        return Agreement.of(alumnus.id()).stream()
                .map(a -> AgreementResponse.of(a, today()))
                .toList();
    }

    @POST
    @Path("/{id}/agreements/{agreementId}/withdrawal")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Take back an agreement the alumnus has not accepted (409 once accepted)")
    public AgreementResponse withdraw(@PathParam("id") UUID alumnusId, @PathParam("agreementId") UUID agreementId) {
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        return AgreementResponse.of(agreements.withdraw(alumnus.id(), agreementId, caller.username()), today());
    }

    @GET
    @Path("/me/agreements")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "My post-employment agreements")
    public List<AgreementResponse> mine() {
        return Agreement.of(Alumnus.ofCaller(caller).id()).stream()
                .map(a -> AgreementResponse.of(a, today()))
                .toList();
    }

    @POST
    @Path("/me/agreements/{agreementId}/acceptance")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(
            summary = "Accept one of my proposed agreements",
            description = "Accepting twice changes nothing; a withdrawn agreement cannot be accepted (409).")
    public AgreementResponse accept(@PathParam("agreementId") UUID agreementId) {
        return AgreementResponse.of(agreements.accept(Alumnus.ofCaller(caller).id(), agreementId), today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
