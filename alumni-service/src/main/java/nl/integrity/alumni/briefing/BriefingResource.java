package nl.integrity.alumni.briefing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.audit.Purpose;
import nl.integrity.alumni.catalogue.FunctionSummary;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.alumni.catalogue.Ratings;
import nl.integrity.alumni.catalogue.RiskLevel;
import nl.integrity.alumni.catalogue.Sector;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.alumni.registry.AlumnusResponse;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The departure briefing: the alumnus reads their own and acknowledges it; officers of the
 * alumnus' organisation see whether it was issued, acknowledged and reminded (reads audited), and
 * issue it for a record that has none.
 */
@Path("/api/alumni")
@Tag(name = "Departure briefing")
@Produces(MediaType.APPLICATION_JSON)
public class BriefingResource {

    public static final String READ_BRIEFING = "READ_BRIEFING";

    private final Briefings briefings;
    private final Caller caller;
    private final AuditLog auditLog;
    private final Clock clock;

    BriefingResource(Briefings briefings, Caller caller, AuditLog auditLog, Clock clock) {
        this.briefings = briefings;
        this.caller = caller;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Where a briefing stands; {@code issuedAt} null when none was issued. */
    public record BriefingState(
            UUID alumnusId,
            Instant issuedAt,
            String issuedBy,
            Instant acknowledgedAt,
            Integer acknowledgedRevision,
            LocalDate remindedOn) {

        /** Where the alumnus' briefing stands (for the download of their data). */
        public static BriefingState of(UUID alumnusId) {
            return of(alumnusId, DepartureBriefing.of(alumnusId).orElse(null));
        }

        static BriefingState of(UUID alumnusId, DepartureBriefing b) {
            if (b == null) {
                return new BriefingState(alumnusId, null, null, null, null, null);
            }
            Integer revision = b.acknowledgedText() == null
                    ? null
                    : BriefingText.<BriefingText>findByIdOptional(b.acknowledgedText())
                            .map(BriefingText::revision)
                            .orElse(null);
            return new BriefingState(
                    alumnusId, b.issuedAt(), b.issuedBy(), b.acknowledgedAt(), revision, b.remindedOn());
        }
    }

    /** The general part, as the administrators wrote it in the alumnus' language. */
    public record TextResponse(
            int revision,
            String language,
            String introduction,
            String whatToDeclare,
            String howToDeclare,
            String contact) {

        static TextResponse of(BriefingText t) {
            var p = t.parts();
            return new TextResponse(
                    t.revision(), t.language(), p.introduction(), p.whatToDeclare(), p.howToDeclare(), p.contact());
        }
    }

    /** A function held, as the catalogue rates it now. */
    public record FunctionResponse(
            String code, String title, RiskLevel riskLevel, int coolingOffMonths, List<Sector> sensitiveSectors) {

        static FunctionResponse of(String code, FunctionSummary s) {
            return s == null
                    ? new FunctionResponse(code, null, null, 0, List.of())
                    : new FunctionResponse(
                            code,
                            s.title(),
                            s.riskLevel(),
                            s.coolingOffMonths(),
                            s.sensitiveSectors().stream().sorted().toList());
        }
    }

    /**
     * The personal briefing: the general text, and what it means for this alumnus. The window is
     * the obligation to declare and {@code windowFunction} the function that set it; the sectors
     * are those sensitive for any function held.
     */
    public record BriefingResponse(
            BriefingState state,
            TextResponse text,
            LocalDate departureDate,
            AlumnusResponse.WindowResponse obligationWindow,
            FunctionResponse windowFunction,
            List<FunctionResponse> functions,
            List<Sector> sensitiveSectors) {}

    public record Acknowledgement(@NotNull @Min(1) Integer revision) {}

    @GET
    @Path("/me/briefing")
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(
            summary = "My departure briefing",
            description =
                    "What I must declare, until when and why, in my language; and whether I acknowledged it. Composed from my record and the catalogue as they are now.")
    public BriefingResponse mine() {
        var alumnus = Alumnus.ofCaller(caller);
        return compose(alumnus, DepartureBriefing.of(alumnus.id()).orElse(null));
    }

    @POST
    @Path("/me/briefing/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ALUMNUS)
    @Operation(
            summary = "Acknowledge my departure briefing",
            description =
                    "Names the text revision I read (409 when it changed meanwhile). Acknowledging twice changes nothing.")
    public BriefingState acknowledge(@Valid @NotNull Acknowledgement acknowledgement) {
        var alumnus = Alumnus.ofCaller(caller);
        var record = AlumnusResponse.from(alumnus, LocalDate.now(clock));
        var briefing = briefings.acknowledge(
                alumnus.id(), alumnus.organisation(), record.language(), acknowledgement.revision());
        return BriefingState.of(alumnus.id(), briefing);
    }

    @GET
    @Path("/{id}/briefing")
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "The departure briefing of an alumnus of my organisation",
            description =
                    "Whether it was issued, acknowledged (which revision) and reminded. The read is audited with its purpose.")
    public BriefingState ofAlumnus(@PathParam("id") UUID alumnusId, @QueryParam("purpose") String purpose) {
        Purpose why = Purpose.of(purpose);
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        auditLog.record(READ_BRIEFING, alumnus.id(), alumnus.organisation().name(), why);
        return BriefingState.of(alumnus.id(), DepartureBriefing.of(alumnus.id()).orElse(null));
    }

    @POST
    @Path("/{id}/briefing")
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "Issue the departure briefing of an alumnus of my organisation",
            description =
                    "For a record that has none (registered before briefings, or without a window then): the alumnus is mailed that it is in the portal. A briefing that exists is returned unchanged.")
    public BriefingState issue(@PathParam("id") UUID alumnusId) {
        var alumnus = Alumnus.inOrganisationOf(caller, alumnusId);
        return BriefingState.of(alumnus.id(), briefings.issue(alumnus.id(), caller.username()));
    }

    private BriefingResponse compose(Alumnus alumnus, DepartureBriefing briefing) {
        var record = AlumnusResponse.from(alumnus, LocalDate.now(clock));
        Organisation organisation = record.organisation();
        var text = BriefingText.current(organisation, record.language())
                .orElseThrow(() -> new NotFound("Briefing text", organisation + "/" + record.language()));
        var window = record.obligationWindow();
        var codes = new TreeSet<String>();
        record.functions().forEach(f -> codes.add(f.functionCode()));
        if (window != null) {
            codes.add(window.functionCode());
        }
        Map<String, FunctionSummary> summaries = Ratings.summaries(organisation, codes);
        var functions = record.functions().stream()
                .map(f -> FunctionResponse.of(f.functionCode(), summaries.get(f.functionCode())))
                .toList();
        var sectors = summaries.values().stream()
                .flatMap(s -> s.sensitiveSectors().stream())
                .distinct()
                .sorted()
                .toList();
        return new BriefingResponse(
                BriefingState.of(alumnus.id(), briefing),
                TextResponse.of(text),
                record.departureDate(),
                window,
                window == null
                        ? null
                        : FunctionResponse.of(window.functionCode(), summaries.get(window.functionCode())),
                functions,
                sectors);
    }
}
