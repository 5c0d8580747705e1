package nl.integrity.declaration.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import nl.integrity.declaration.alumni.KnownAlumnus;
import nl.integrity.platform.outbox.Outbox;

/** Application service for declarations: the transaction boundary. */
@ApplicationScoped
public class Declarations {

    private final Outbox outbox;
    private final Clock clock;

    Declarations(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores a declaration of the alumnus with this organisation and personnel number and announces it. */
    @Transactional
    public Declaration submit(String organisation, String personnelNumber, Activity activity) {
        var alumnus = KnownAlumnus.findByPersonnelNumber(organisation, personnelNumber)
                .orElseThrow(() -> new AlumnusNotRegistered(organisation, personnelNumber));
        var declaration = Declaration.submit(alumnus, activity, clock);
        declaration.persist();
        outbox.append(DeclarationSubmitted.TOPIC, declaration.id.toString(), DeclarationSubmitted.TYPE,
                "declarations/" + declaration.id, DeclarationSubmitted.of(declaration));
        return declaration;
    }
}
