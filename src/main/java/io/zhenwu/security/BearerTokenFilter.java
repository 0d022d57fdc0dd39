package io.zhenwu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code Authorization: Bearer zw_…} for scripts. An unknown or revoked token, or one whose owner is disabled, is
 * answered 401 at once instead of falling through as anonymous. Login throttling does not apply: it refuses passwords.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ZhenwuUserDetailsService userDetails;
    private final ProblemResponses problems;
    private final PrincipalCache cache;

    BearerTokenFilter(ApiTokens tokens, ZhenwuUserDetailsService userDetails, ProblemResponses problems, PrincipalCache cache) {
        this.cache = cache;
        this.tokens = tokens;
        this.userDetails = userDetails;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        String hash = ApiTokens.hash(token);
        var cached = cache.forToken(hash);
        var principal = (cached.isPresent() ? cached : tokens.authenticate(token).flatMap(userId -> {
            try {
                return java.util.Optional.of(userDetails.loadById(userId));
            } catch (UsernameNotFoundException e) {
                return java.util.Optional.empty();
            }
        })).filter(ZhenwuPrincipal::isEnabled);
        if (principal.isPresent() && cached.isEmpty()) {
            cache.putToken(hash, principal.get());
        }
        if (principal.isEmpty()) {
            SecurityContextHolder.clearContext();
            problems.commence(request, response, null);
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal.get().withoutPassword(), null,
                principal.get().getAuthorities());
        authentication.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
