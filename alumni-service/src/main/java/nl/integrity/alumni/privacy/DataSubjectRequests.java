package nl.integrity.alumni.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.integrity.alumni.audit.AuditLog;
import nl.integrity.alumni.audit.Purpose;
import nl.integrity.alumni.catalogue.Organisation;
import nl.integrity.alumni.registry.Alumnus;
import nl.integrity.alumni.registry.RecordFacts;
import nl.integrity.platform.problem.NotFound;

/**
 * Application service of the alumni's requests for correction and objection: the transaction
 * boundary of submitting and answering, each step in the record's audit trail in the same
 * transaction (the alumnus' submission, the officer's answer, with the purpose
 * {@link Purpose#DATA_SUBJECT_REQUEST}).
 */
@ApplicationScoped
class DataSubjectRequests {

    static final String SUBMITTED = "REQUEST_SUBMITTED";
    static final String READ = "READ_DATA_SUBJECT_REQUESTS";
    static final String ANSWER = "ANSWER_DATA_SUBJECT_REQUEST";
    /** The office's lists are this long at most: open requests are few, answered ones are read newest first. */
    static final int LIST_LIMIT = 200;

    private final Clock clock;
    private final AuditLog auditLog;

    DataSubjectRequests(Clock clock, AuditLog auditLog) {
        this.clock = clock;
        this.auditLog = auditLog;
    }

    @Transactional
    public DataSubjectRequest submit(
            Alumnus alumnus, DataSubjectRequest.Kind kind, DataSubjectRequest.RecordField field, String text) {
        var request = DataSubjectRequest.submit(
                alumnus.id(), alumnus.organisation(), kind, field, text, clock.instant(), LocalDate.now(clock));
        request.persist();
        auditLog.record(
                SUBMITTED,
                alumnus.id(),
                alumnus.organisation().name(),
                Purpose.DATA_SUBJECT_REQUEST,
                detail(request) + (field == null ? "" : " " + field));
        return request;
    }

    /**
     * The organisation's requests (of one status, of one alumnus, when given): open ones the most
     * urgent first, others the newest first. The page is one entry in the audit trail naming the
     * alumni on it.
     */
    @Transactional
    public List<DataSubjectRequest> list(Organisation organisation, DataSubjectRequest.Status status, UUID alumnusId) {
        StringBuilder query = new StringBuilder("organisation = :organisation");
        var parameters = new java.util.HashMap<String, Object>();
        parameters.put("organisation", organisation);
        if (status != null) {
            query.append(" and status = :status");
            parameters.put("status", status);
        }
        if (alumnusId != null) {
            query.append(" and alumnusId = :alumnusId");
            parameters.put("alumnusId", alumnusId);
        }
        query.append(
                status == DataSubjectRequest.Status.OPEN
                        ? " order by dueOn, submittedAt, id"
                        : " order by submittedAt desc, id");
        List<DataSubjectRequest> requests = DataSubjectRequest.<DataSubjectRequest>find(query.toString(), parameters)
                .range(0, LIST_LIMIT - 1)
                .list();
        auditLog.listed(
                READ,
                requests.stream().map(DataSubjectRequest::alumnusId).distinct().toList(),
                organisation.name(),
                Purpose.DATA_SUBJECT_REQUEST,
                "status=" + (status == null ? "any" : status) + (alumnusId == null ? "" : "; one record"));
        return requests;
    }

    /** An officer answers a request of their organisation (404 for another's, 409 when answered). */
    @Transactional
    public DataSubjectRequest answer(
            Organisation organisation, UUID id, DataSubjectRequest.Outcome outcome, String text, String officer) {
        var request =
                DataSubjectRequest.of(organisation, id).orElseThrow(() -> new NotFound("Data subject request", id));
        request.answer(outcome, text, officer, clock.instant());
        auditLog.record(
                ANSWER,
                request.alumnusId(),
                organisation.name(),
                Purpose.DATA_SUBJECT_REQUEST,
                detail(request) + ": " + outcome);
        return request;
    }

    /** In the anonymisation's transaction: what the alumnus and the office wrote goes. */
    void follow(@Observes RecordFacts facts) {
        if (facts.change() == RecordFacts.Change.ANONYMISED) {
            DataSubjectRequest.anonymiseAllOf(facts.alumnusId());
        }
    }

    /** Which request, for the audit trail: its id and kind, never its text. */
    private static String detail(DataSubjectRequest request) {
        return "request " + request.id() + " " + request.kind();
    }
}
