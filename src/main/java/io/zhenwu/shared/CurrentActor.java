package io.zhenwu.shared;

import java.util.Optional;

/** Who is acting now. Implemented by the security module; modules ask this rather than Spring Security. */
public interface CurrentActor {

    /** The authenticated actor, or empty for anonymous and system work (start-up, CLI). */
    Optional<Actor> current();

    /** The actor's data scope; a missing one is an error, never a silent "see everything". */
    default DataScope requireScope() {
        return current().map(Actor::scope).orElseThrow(MissingScopeException::new);
    }
}
