package io.zhenwu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * 会话复核: a web session's principal is checked against the user's current state on every request. A session whose
 * user has been disabled or deleted, or whose roles, grants, org unit (scope) or enterprise binding have changed since
 * they signed in, ends there: the session is invalidated and the request goes on anonymous (to the login page). So
 * every session of a user ends on their next request after the change, not when it times out. The current state
 * comes from {@link PrincipalCache} (emptied on any user or org change), so the check is a map lookup on most
 * requests.
 */
class SignedInPrincipalCheck extends OncePerRequestFilter {

    private final ZhenwuUserDetailsService userDetails;
    private final PrincipalCache cache;

    SignedInPrincipalCheck(ZhenwuUserDetailsService userDetails, PrincipalCache cache) {
        this.userDetails = userDetails;
        this.cache = cache;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = session == null ? null : SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ZhenwuPrincipal signedIn && !stillValid(signedIn)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(ZhenwuPrincipal signedIn) {
        long userId = signedIn.actor().userId();
        Optional<ZhenwuPrincipal> current = cache.forUser(userId).or(() -> load(userId));
        return current.filter(ZhenwuPrincipal::isEnabled).map(ZhenwuPrincipal::actor).filter(signedIn.actor()::equals).isPresent();
    }

    private Optional<ZhenwuPrincipal> load(long userId) {
        try {
            ZhenwuPrincipal loaded = userDetails.loadById(userId).withoutPassword();
            cache.putUser(userId, loaded);
            return Optional.of(loaded);
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }
}
