package io.zhenwu.registry;

import io.zhenwu.registry.RegistryEvents.PersonalDataViewed;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.Permission;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one rule for showing personal data unmasked: only when asked for, only with
 * {@link Permission#VIEW_PERSONAL_DATA}, and every time audited. Asking without the permission is refused (403)
 * rather than silently masked, so the user knows why.
 */
final class PersonalData {

    private PersonalData() {
    }

    /**
     * Refuses a request for unmasked data without the permission before the record is even looked up, so the answer
     * (403) says nothing about whether the record exists or lies in the caller's scope.
     */
    static void checkRequest(Actor actor, boolean requested) {
        if (requested && !actor.has(Permission.VIEW_PERSONAL_DATA)) {
            throw new AccessDeniedException("VIEW_PERSONAL_DATA required");
        }
    }

    static boolean reveal(Actor actor, boolean requested, String entityType, long entityId, String fields,
                          ApplicationEventPublisher events) {
        if (!requested) {
            return false;
        }
        if (!actor.has(Permission.VIEW_PERSONAL_DATA)) {
            throw new AccessDeniedException("VIEW_PERSONAL_DATA required");
        }
        events.publishEvent(new PersonalDataViewed(entityType, entityId, fields, actor.scope().path()));
        return true;
    }
}
