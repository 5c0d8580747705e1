package nl.integrity.declaration.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.integrity.declaration.DeclarationConfig;
import nl.integrity.declaration.calendar.WorkingDays;
import nl.integrity.declaration.declaration.Declaration;
import nl.integrity.declaration.declaration.DeclarationEvents;
import nl.integrity.declaration.review.ImposedCondition;
import nl.integrity.platform.outbox.Outbox;
import nl.integrity.platform.schedule.PeriodicJob;
import nl.integrity.platform.schedule.ScheduledRuns;

/**
 * The clock's part in a review: announces decisions that fall due soon and those overdue (each
 * once per review period), and ends conditions whose last day has passed. Runs daily (cron
 * {@code declaration.deadlines.cron}) on one instance ({@link ScheduledRuns}); the methods take the
 * day, so tests can move time. Each announcement is one event per declaration and due date, each
 * end one per condition, whatever runs again.
 */
@ApplicationScoped
class Deadlines implements PeriodicJob {

    private final Outbox outbox;
    private final WorkingDays workingDays;
    private final DeclarationConfig.Review policy;
    private final String cron;

    Deadlines(Outbox outbox, WorkingDays workingDays, DeclarationConfig config) {
        this.outbox = outbox;
        this.workingDays = workingDays;
        this.policy = config.review();
        this.cron = config.deadlines().cron();
    }

    /** What a run did. */
    public record Run(int dueSoon, int overdue, int conditionsEnded) {}

    @Override
    public String name() {
        return "deadlines";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public String run(Instant period) {
        Run run = run(PeriodicJob.dayOf(period));
        return run.dueSoon() + " due soon, " + run.overdue() + " overdue, " + run.conditionsEnded()
                + " conditions ended";
    }

    @Transactional
    public Run run(LocalDate today) {
        var events = new ArrayList<Outbox.Pending>();
        // A window wide enough to hold the warning period in working days, whatever holidays fall in it.
        LocalDate horizon = today.plusDays(policy.dueSoonWorkingDays() * 2L + 14);
        List<Declaration> open = Declaration.list("""
                inReview = true and dueDate <= ?1 and (overdueAnnounced = false or dueSoonAnnounced = false)
                order by dueDate, id""", horizon);
        int dueSoon = 0;
        int overdue = 0;
        for (Declaration d : open) {
            if (d.dueDate().isBefore(today)) {
                if (d.announceOverdue(today)) {
                    overdue++;
                    events.add(DeclarationEvents.once(
                            d.id(),
                            DeclarationEvents.DecisionOverdue.TYPE,
                            new DeclarationEvents.DecisionOverdue(
                                    d.id(), d.alumnusId(), d.organisation(), d.assignee(), d.dueDate()),
                            d.dueDate()));
                }
            } else {
                int left = workingDays.between(today, d.dueDate());
                if (d.announceDueSoon(left, policy.dueSoonWorkingDays())) {
                    dueSoon++;
                    events.add(DeclarationEvents.once(
                            d.id(),
                            DeclarationEvents.DecisionDueSoon.TYPE,
                            new DeclarationEvents.DecisionDueSoon(
                                    d.id(), d.alumnusId(), d.organisation(), d.assignee(), d.dueDate(), left),
                            d.dueDate()));
                }
            }
        }
        int ended = endExpiredConditions(today, events);
        outbox.appendAll(events);
        return new Run(dueSoon, overdue, ended);
    }

    /** Conditions whose last day ({@code endsOn}) lies before today end by themselves. */
    private int endExpiredConditions(LocalDate today, List<Outbox.Pending> events) {
        List<ImposedCondition> expired = ImposedCondition.list(
                "status = ?1 and endsOn < ?2 order by endsOn, id", ImposedCondition.Status.ACTIVE, today);
        for (ImposedCondition c : expired) {
            c.end(today, ImposedCondition.EndReason.EXPIRED);
            Declaration d = Declaration.findById(c.declarationId());
            events.add(DeclarationEvents.once(
                    d.id(),
                    DeclarationEvents.ConditionEnded.TYPE,
                    new DeclarationEvents.ConditionEnded(
                            d.id(),
                            d.alumnusId(),
                            d.organisation(),
                            c.id(),
                            c.type().name(),
                            today,
                            ImposedCondition.EndReason.EXPIRED.name()),
                    c.id()));
        }
        return expired.size();
    }
}
