package io.zhenwu.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;
import java.time.Instant;

/**
 * Back to the login page, saying whether the account is now locked — including on the failure that just locked it
 * (the failure event, which counts and locks, has already run when this handler is called).
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    private final UserRepository users;

    LoginFailureHandler(UserRepository users) {
        this.users = users;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String username = request.getParameter("username");
        boolean locked = e instanceof LockedException || (username != null && users.findCredentials(username.trim().toLowerCase())
                .map(c -> c.lockedUntil() != null && c.lockedUntil().isAfter(Instant.now())).orElse(false));
        response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
    }
}
