package nl.integrity.notification.alert;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The sentences of alerts, in English here and in Dutch in {@code messages/alerts_nl.properties}
 * (Qute checks at build time that both have every sentence and its parameters). Dates come
 * formatted for the language; codes come as words where the event carries them.
 */
@MessageBundle(value = "alerts", locale = "en")
public interface AlertMessages {

    @Message("{role} at {employer} ({sector})")
    String activity(String role, String employer, String sector);

    @Message("New declaration: {activity}, starting {start}")
    String submitted(String activity, String start);

    @Message("Changed declaration (version {version}): {activity}, starting {start}")
    String changed(int version, String activity, String start);

    @Message("not yet known")
    String notYetKnown();

    @Message("Version {version} of a declaration was assessed {level} risk")
    String highRisk(int version, String level);

    @Message(
            "{#when level}{#is 'LOW'}low{#is 'MEDIUM'}medium{#is 'HIGH'}high{#is 'CRITICAL'}critical{#else}{level}{/when}")
    String riskLevel(String level);

    @Message("An activity was declared after it had started")
    String lateDeclaration();

    @Message("The alumnus answered the office's question")
    String informationReceived();

    @Message("The decision on a declaration was due on {due}")
    String decisionOverdue(String due);

    @Message("The decision on a declaration is due on {due} ({days} working days left)")
    String decisionDueSoon(String due, int days);

    @Message("An alumnus inside the obligation window (until {until}) has declared nothing")
    String declarationMissing(String until);

    @Message("Webhook subscription {id} was disabled: every delivery failed since {since}")
    String webhookDisabled(String id, String since);

    @Message("Aftercare: contact moment {sequence} with a former employee is due on {due}")
    String aftercareDue(int sequence, String due);

    @Message("Aftercare: contact moment {sequence} (due {due}) was not recorded")
    String aftercareMissed(int sequence, String due);

    @Message("Details removed: the alumnus was anonymised")
    String anonymised();

    @Message("{#when outcome}{#is 'NO_OBJECTION'}no objection{#is 'ALLOWED_WITH_CONDITIONS'}allowed with conditions"
            + "{#is 'OBJECTION'}objection{#else}{outcome}{/when}")
    String outcome(String outcome);
}
