package io.zhenwu.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * Back to the login page, saying whether this address is now locked out of the name — including on the failure that
 * just locked it (the failure event, which counts and locks, has already run when this handler is called). The answer
 * is the same whether the account exists or not, and "disabled" is never said.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    private final LoginAttempts attempts;

    LoginFailureHandler(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String username = request.getParameter("username");
        boolean locked = e instanceof LockedException || (username != null && attempts.locked(username, request.getRemoteAddr()));
        response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
    }
}
