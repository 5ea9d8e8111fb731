package org.certhub.routes.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.certhub.fhirmapping.Problem;
import org.certhub.routes.config.InfrastructureFaults;
import org.certhub.routes.http.HttpErrorPolicy;
import org.certhub.routes.http.HttpProblems;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The security chain's answers in the hub's OperationOutcome shape: {@code 401} without (valid) credentials,
 * {@code 403} when the caller's role may not call the route, {@code 400} for a request the firewall refuses
 * (encoded slashes, {@code ;}, {@code ..}, {@code //}, ...), and {@code 503} when the credentials cannot be checked
 * because the database is unreachable.
 */
public final class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final HttpProblems problems;
    private final AuditTrail audit;

    public ProblemAnswers(HttpProblems problems, AuditTrail audit) {
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException
                && InfrastructureFaults.isInfrastructureFault(failure.getCause())) {
            response.setHeader("Retry-After", HttpErrorPolicy.RETRY_AFTER_SECONDS);
            write(
                    request,
                    response,
                    503,
                    "transient",
                    "the hub's database is unavailable; send the request again later");
            return;
        }
        if (failure instanceof BadCredentialsException || failure instanceof OAuth2AuthenticationException) {
            // credentials were presented and refused (a request with none is not an authentication attempt)
            audit.recordFailedAuthentication(request.getRemoteAddr());
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        write(
                request,
                response,
                401,
                "security",
                failure.getMessage() != null && !(failure.getMessage().startsWith("Full authentication"))
                        ? failure.getMessage()
                        : "this request needs credentials: an API key in " + PresentedCredentials.KEY_HEADER
                                + ", or a Bearer token");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, 403, "forbidden", "the caller's role may not do this");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        write(
                request,
                response,
                400,
                "invalid",
                "the request path is not in normal form (encoded or doubled slashes,"
                        + " ';', '.' or '..' segments, or characters not allowed)");
    }

    private void write(
            HttpServletRequest request, HttpServletResponse response, int status, String code, String diagnostics)
            throws IOException {
        if (!response.isCommitted()) {
            response.resetBuffer();
            problems.write(
                    response,
                    status,
                    List.of(Problem.error(code, diagnostics, null)),
                    problems.acceptedEncoding(request));
        }
    }
}
