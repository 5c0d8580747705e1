package nl.integrity.declaration.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import nl.integrity.declaration.alumni.KnownAlumnus;
import nl.integrity.platform.problem.NotFound;
import nl.integrity.platform.security.Caller;
import nl.integrity.platform.security.Roles;

/**
 * One declaration as the caller may see it, for the resources that read or act on it. A declaration
 * the caller may not see does not exist for them: 404, never 403.
 */
@ApplicationScoped
class DeclarationReads {

    private final Caller caller;

    DeclarationReads(Caller caller) {
        this.caller = caller;
    }

    /** The declaration if the caller may see it: their own, or one of their organisation for an officer. */
    @Transactional
    Declaration visible(UUID id) {
        return Declaration.<Declaration>findByIdOptional(id)
                .filter(this::visibleToCaller)
                .orElseThrow(() -> new NotFound("Declaration", id));
    }

    private boolean visibleToCaller(Declaration d) {
        if (caller.hasRole(Roles.OFFICER) && d.organisation().equals(caller.organisation())) {
            return true;
        }
        return caller.hasRole(Roles.ALUMNUS)
                && KnownAlumnus.findByPersonnelNumber(caller.organisation(), caller.personnelNumber())
                        .map(a -> a.alumnusId().equals(d.alumnusId()))
                        .orElse(false);
    }

    /** The declaration if it is one of the caller's organisation (an officer's or administrator's case). */
    Declaration ofCallersOrganisation(UUID id) {
        return Declaration.<Declaration>findByIdOptional(id)
                .filter(d -> d.organisation().equals(caller.organisation()))
                .orElseThrow(() -> new NotFound("Declaration", id));
    }

    /** Everything about the declaration: the current version, its risk, the thread and the decisions. */
    @Transactional
    DeclarationViews.Detail detail(UUID id) {
        return DeclarationViews.Detail.from(Declaration.findById(id));
    }
}
