package nl.integrity.alumni.exitinterview;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.audit.Purpose;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Exit interviews: officers of the alumnus' organisation record and read them (reads audited);
 * the alumnus reads their own and acknowledges the briefing on obligations.
 */
@Path("/api/alumni")
@Tag(name = "Exit interviews")
@Produces(MediaType.APPLICATION_JSON)
public class ExitInterviewResource {

    public static final String READ_EXIT_INTERVIEWS = "READ_EXIT_INTERVIEWS";

    private final ExitInterviews interviews;
    private final Caller caller;
    private final AuditLog auditLog;

    ExitInterviewResource(ExitInterviews interviews, Caller caller, AuditLog auditLog) {
        this.interviews = interviews;
        this.caller = caller;
        this.auditLog = auditLog;
    }

    public record InterviewRequest(
            @NotNull LocalDate heldOn,
            @NotBlank @Size(max = 200) String interviewer,
            @NotNull Boolean obligationsBriefed,
            @Size(max = 10_000) String notes) {}

    public record InterviewResponse(
            UUID id,
            UUID alumnusId,
            LocalDate heldOn,
            String interviewer,
            boolean obligationsBriefed,
            String notes,
            String recordedBy,
            Instant recordedAt,
            Instant acknowledgedAt) {

        public static InterviewResponse from(ExitInterview i) {
            return new InterviewResponse(
                    i.id(),
                    i.alumnusId(),
                    i.heldOn(),
                    i.interviewer(),
                    i.obligationsBriefed(),
                    i.notes(),
                    i.recordedBy(),
                    i.recordedAt(),
                    i.acknowledgedAt());
        }
    }

    @POST
    @Path("/{id}/exit-interviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Record an exit interview with an alumnus of my organisation")
    public Response record(@PathParam("id") UUID alumnusId, @Valid @NotNull InterviewRequest request) {
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        var interview = interviews.record(
                alumnus,
                request.heldOn(),
                request.interviewer().trim(),
                request.obligationsBriefed(),
                request.notes(),
                caller.username());
        return Response.created(URI.create("/api/alumni/" + alumnusId + "/exit-interviews/" + interview.id()))
                .entity(InterviewResponse.from(interview))
                .build();
    }

    @GET
    @Path("/{id}/exit-interviews")
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "The exit interviews of an alumnus of my organisation",
            description = "The read is audited with its purpose.")
    public List<InterviewResponse> ofAlumnus(@PathParam("id") UUID alumnusId, @QueryParam("purpose") String purpose) {
        Purpose why = Purpose.of(purpose);
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        auditLog.record(
                READ_EXIT_INTERVIEWS, alumnus.id(), alumnus.organisation().name(), why);
        return ExitInterview.of(alumnus.id()).stream()
                .map(InterviewResponse::from)
                .toList();
    }

    @GET
    @Path("/me/exit-interviews")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "My exit interviews")
    public List<InterviewResponse> mine() {
        return ExitInterview.of(Alumnus.ofCaller(caller).id()).stream()
                .map(InterviewResponse::from)
                .toList();
    }

    @POST
    @Path("/me/exit-interviews/{interviewId}/acknowledgement")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(
            summary = "Acknowledge the briefing on my obligations",
            description = "Acknowledging twice changes nothing.")
    public InterviewResponse acknowledge(@PathParam("interviewId") UUID interviewId) {
        return InterviewResponse.from(interviews.acknowledge(Alumnus.ofCaller(caller), interviewId));
    }
}
