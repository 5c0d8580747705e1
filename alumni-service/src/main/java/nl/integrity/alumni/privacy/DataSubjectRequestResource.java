package nl.integrity.alumni.privacy;

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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.platform.problem.InvalidField;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The rights to rectification (AVG/GDPR art. 16) and to object (art. 21), made visible: an alumnus
 * asks from the portal for a correction of their record, or objects to a processing; the officers of
 * their organisation see the open requests, the statutory date of each (a month, art. 12(3)), and
 * answer; the alumnus reads the answer.
 */
@Path("/api/alumni")
@Tag(name = "Privacy")
@Produces(MediaType.APPLICATION_JSON)
public class DataSubjectRequestResource {

    private final DataSubjectRequests requests;
    private final Caller caller;
    private final Clock clock;

    DataSubjectRequestResource(DataSubjectRequests requests, Caller caller, Clock clock) {
        this.requests = requests;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * A correction ({@code RECTIFICATION}, naming the {@code field} of the record that is wrong) or
     * an objection ({@code OBJECTION}, {@code field} optional); {@code text} says what is wrong and
     * what it should be, or what is objected to and why.
     */
    public record SubmitRequest(
            @NotNull DataSubjectRequest.Kind kind,
            DataSubjectRequest.RecordField field,

            @NotBlank @Size(max = DataSubjectRequest.MAX_TEXT)
            String text) {}

    public record AnswerRequest(
            @NotNull DataSubjectRequest.Outcome outcome,

            @NotBlank @Size(max = DataSubjectRequest.MAX_ANSWER)
            String answer) {}

    /** A request as its alumnus reads it: with the answer, without the name of the officer who gave it. */
    public record RequestResponse(
            UUID id,
            DataSubjectRequest.Kind kind,
            DataSubjectRequest.RecordField field,
            String text,
            Instant submittedAt,
            LocalDate dueOn,
            DataSubjectRequest.Status status,
            DataSubjectRequest.Outcome outcome,
            String answer,
            Instant answeredAt) {

        static RequestResponse of(DataSubjectRequest r) {
            return new RequestResponse(
                    r.id(),
                    r.kind(),
                    r.field(),
                    r.text(),
                    r.submittedAt(),
                    r.dueOn(),
                    r.status(),
                    r.outcome(),
                    r.answer(),
                    r.answeredAt());
        }
    }

    /** A request as the office reads it: whose it is, whether it is overdue, and who answered it. */
    public record OfficeRequestResponse(
            UUID id,
            UUID alumnusId,
            String fullName,
            String personnelNumber,
            DataSubjectRequest.Kind kind,
            DataSubjectRequest.RecordField field,
            String text,
            Instant submittedAt,
            LocalDate dueOn,
            boolean overdue,
            DataSubjectRequest.Status status,
            DataSubjectRequest.Outcome outcome,
            String answer,
            String answeredBy,
            Instant answeredAt) {

        static OfficeRequestResponse of(DataSubjectRequest r, Alumnus.Name name, LocalDate today) {
            return new OfficeRequestResponse(
                    r.id(),
                    r.alumnusId(),
                    name == null ? null : name.fullName(),
                    name == null ? null : name.personnelNumber(),
                    r.kind(),
                    r.field(),
                    r.text(),
                    r.submittedAt(),
                    r.dueOn(),
                    r.overdueOn(today),
                    r.status(),
                    r.outcome(),
                    r.answer(),
                    r.answeredBy(),
                    r.answeredAt());
        }
    }

    /** The office's list, with how many of the organisation's requests are open and how many of those overdue. */
    public record OfficeList(List<OfficeRequestResponse> items, long open, long overdue) {}

    /** How many requests wait for an answer: for the office's navigation, without anyone's data. */
    public record OpenCount(long open, long overdue) {}

    @POST
    @Path("/me/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(
            summary = "Ask for a correction of my record, or object to a processing",
            description =
                    "kind RECTIFICATION names the field that is wrong (FULL_NAME, PERSONNEL_NUMBER, FUNCTIONS, DEPARTURE_DATE, "
                            + "DEPARTURE_REASON, UNIT, CONTACT, OTHER); OBJECTION may. text (up to 2000 characters): what is wrong "
                            + "and what it should be, or what I object to and why. The office answers by dueOn, a month from today.")
    public Response submit(@Valid @NotNull SubmitRequest request) {
        var alumnus = Alumnus.ofCaller(caller);
        var submitted = requests.submit(
                alumnus, request.kind(), request.field(), request.text().strip());
        return Response.created(URI.create("/api/alumni/me/requests/" + submitted.id()))
                .entity(RequestResponse.of(submitted))
                .build();
    }

    @GET
    @Path("/me/requests")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "My requests for correction and my objections, newest first, with the office's answers")
    public List<RequestResponse> mine() {
        return DataSubjectRequest.of(Alumnus.ofCaller(caller).id()).stream()
                .map(RequestResponse::of)
                .toList();
    }

    @GET
    @Path("/me/requests/{requestId}")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(summary = "One of my requests")
    public RequestResponse one(@PathParam("requestId") UUID requestId) {
        UUID alumnusId = Alumnus.ofCaller(caller).id();
        return DataSubjectRequest.<DataSubjectRequest>findByIdOptional(requestId)
                .filter(r -> r.alumnusId().equals(alumnusId))
                .map(RequestResponse::of)
                .orElseThrow(() -> new NotFound("Request", requestId));
    }

    @GET
    @Path("/data-subject-requests")
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "The requests for correction and the objections of my organisation's alumni",
            description =
                    "status OPEN (the most urgent first) or ANSWERED (the newest first), all when left out; alumnusId for one "
                            + "record's. Up to 200. The list is one entry in the audit trail naming the alumni on it, with the purpose "
                            + "DATA_SUBJECT_REQUEST.")
    public OfficeList list(@QueryParam("status") String status, @QueryParam("alumnusId") UUID alumnusId) {
        var organisation = organisation();
        var found = requests.list(
                organisation, InvalidField.enumValue("status", DataSubjectRequest.Status.class, status), alumnusId);
        LocalDate today = LocalDate.now(clock);
        var names = Alumnus.namesOf(
                found.stream().map(DataSubjectRequest::alumnusId).distinct().toList());
        long[] count = DataSubjectRequest.openCount(organisation, today);
        return new OfficeList(
                found.stream()
                        .map(r -> OfficeRequestResponse.of(r, names.get(r.alumnusId()), today))
                        .toList(),
                count[0],
                count[1]);
    }

    @GET
    @Path("/data-subject-requests/open-count")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "How many requests of my organisation wait for an answer, and how many are overdue")
    public OpenCount openCount() {
        long[] count = DataSubjectRequest.openCount(organisation(), LocalDate.now(clock));
        return new OpenCount(count[0], count[1]);
    }

    @POST
    @Path("/data-subject-requests/{requestId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "Answer a request of an alumnus of my organisation",
            description =
                    "outcome GRANTED, PARTLY_GRANTED or REFUSED, and the answer the alumnus reads (a refusal says why, and that "
                            + "they may complain to the Autoriteit Persoonsgegevens). Once: a second answer is 409. Requests of "
                            + "another organisation answer 404. A granted correction is made where the record is kept (HR's "
                            + "registration, or the alumnus' own contact details).")
    public OfficeRequestResponse answer(@PathParam("requestId") UUID requestId, @Valid @NotNull AnswerRequest request) {
        var answered = requests.answer(
                organisation(), requestId, request.outcome(), request.answer().strip(), caller.username());
        return OfficeRequestResponse.of(
                answered,
                Alumnus.namesOf(List.of(answered.alumnusId())).get(answered.alumnusId()),
                LocalDate.now(clock));
    }

    private Organisation organisation() {
        return Organisation.fromClaim(caller.organisation());
    }
}
