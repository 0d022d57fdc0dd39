package io.zhenwu.security;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.CurrentActor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** {@link CurrentActor} from the Spring Security context. */
@Component
class SecurityCurrentActor implements CurrentActor {

    @Override
    public Optional<Actor> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof ZhenwuPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }
}
