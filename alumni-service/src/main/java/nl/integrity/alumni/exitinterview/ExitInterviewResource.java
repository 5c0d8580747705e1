package nl.integrity.alumni.exitinterview;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

    /** An interview held: what was discussed (from the checklist), the summary agreed with the leaver, notes. */
    public record InterviewRequest(
            @NotNull LocalDate heldOn,
            @NotBlank @Size(max = 200) String interviewer,
            @NotNull Boolean obligationsBriefed,
            @Size(max = 20) List<@NotNull InterviewTopic> topics,
            @Size(max = 10_000) String summary,
            @Size(max = 10_000) String notes) {

        ExitInterview.Held toHeld() {
            return new ExitInterview.Held(
                    heldOn,
                    interviewer.strip(),
                    obligationsBriefed,
                    topics == null ? List.of() : topics.stream().distinct().toList(),
                    blankToNull(summary),
                    blankToNull(notes));
        }
    }

    /** An interview planned with the leaver. */
    public record AppointmentRequest(
            @NotNull LocalDate scheduledFor,
            @NotBlank @Size(max = 200) String interviewer) {}

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * An interview, {@code SCHEDULED} (for {@code scheduledFor}) or {@code HELD} (on {@code heldOn}).
     * The alumnus' own view leaves the officer's {@code notes} out.
     */
    public record InterviewResponse(
            UUID id,
            UUID alumnusId,
            String status,
            LocalDate scheduledFor,
            LocalDate heldOn,
            String interviewer,
            boolean obligationsBriefed,
            List<InterviewTopic> topics,
            String summary,
            String notes,
            String recordedBy,
            Instant recordedAt,
            Instant acknowledgedAt,
            long version) {

        public static InterviewResponse from(ExitInterview i) {
            return new InterviewResponse(
                    i.id(),
                    i.alumnusId(),
                    i.status().name(),
                    i.scheduledFor(),
                    i.heldOn(),
                    i.interviewer(),
                    i.obligationsBriefed(),
                    i.topics(),
                    i.summary(),
                    i.notes(),
                    i.recordedBy(),
                    i.recordedAt(),
                    i.acknowledgedAt(),
                    i.version());
        }

        static InterviewResponse forAlumnus(ExitInterview i) {
            var full = from(i);
            return new InterviewResponse(
                    full.id,
                    full.alumnusId,
                    full.status,
                    full.scheduledFor,
                    full.heldOn,
                    full.interviewer,
                    full.obligationsBriefed,
                    full.topics,
                    full.summary,
                    null,
                    full.recordedBy,
                    full.recordedAt,
                    full.acknowledgedAt,
                    full.version);
        }
    }

    @POST
    @Path("/{id}/exit-interviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Record an exit interview held with an alumnus of my organisation")
    public Response record(@PathParam("id") UUID alumnusId, @Valid @NotNull InterviewRequest request) {
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        var interview = interviews.record(alumnus, request.toHeld(), caller.username());
        return created(alumnusId, interview);
    }

    @POST
    @Path("/{id}/exit-interviews/appointments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Schedule an exit interview with an alumnus of my organisation")
    public Response schedule(@PathParam("id") UUID alumnusId, @Valid @NotNull AppointmentRequest request) {
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        var interview = interviews.schedule(
                alumnus, request.scheduledFor(), request.interviewer().strip(), caller.username());
        return created(alumnusId, interview);
    }

    @PUT
    @Path("/{id}/exit-interviews/{interviewId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "Record a scheduled exit interview as held",
            description = "Also corrects a held one, until the alumnus acknowledged it (then 409).")
    public InterviewResponse hold(
            @PathParam("id") UUID alumnusId,
            @PathParam("interviewId") UUID interviewId,
            @Valid @NotNull InterviewRequest request) {
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        return InterviewResponse.from(interviews.hold(alumnus, interviewId, request.toHeld(), caller.username()));
    }

    private static Response created(UUID alumnusId, ExitInterview interview) {
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
    @Operation(summary = "My exit interviews: scheduled, and held with the summary agreed with me")
    public List<InterviewResponse> mine() {
        return ExitInterview.of(Alumnus.ofCaller(caller).id()).stream()
                .map(InterviewResponse::forAlumnus)
                .toList();
    }

    @POST
    @Path("/me/exit-interviews/{interviewId}/acknowledgement")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(
            summary = "Acknowledge the briefing on my obligations and the summary of an interview held",
            description =
                    "With ?version= the version I read: 409 when the office changed the interview since. Acknowledging twice changes nothing.")
    public InterviewResponse acknowledge(
            @PathParam("interviewId") UUID interviewId, @QueryParam("version") Long versionRead) {
        return InterviewResponse.forAlumnus(interviews.acknowledge(Alumnus.ofCaller(caller), interviewId, versionRead));
    }
}
