package org.certhub.routes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Set;
import org.certhub.routes.http.HttpProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates writes with the {@code X-API-Key} header (or {@code Authorization: Bearer <api key>}, as DIVOC
 * clients send it) and administration with the admin key. Reads of
 * public material (verification, public keys, health) pass. The authenticated sending system reaches the
 * routes as the {@value #SOURCE_HEADER} header, which a caller can never set itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String SOURCE_HEADER = "X-Certhub-Source";
    /** A sender's own DIVOC bulk uploads: read with the sender's key. */
    private static final String DIVOC_UPLOADS = "/divoc/api/v1/certify/uploads";
    static final String KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private static final Set<String> OPEN_WRITES = Set.of("/api/v1/verify", "/divoc/api/v1/certificate/revoked",
            "/cert/api/pullUriRequest", "/cert/api/pullDocRequest");

    /** A citizen confirms a one-time code: the challenge id and the code (with attempt limits) are the credential. */
    private static final java.util.regex.Pattern ONE_TIME_CODE = java.util.regex.Pattern.compile("/api/v1/events/[^/]+/otp");

    private final ApiKeys keys;
    private final HttpProblems problems;

    public ApiKeyFilter(ApiKeys keys, HttpProblems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String presented = presentedKey(request);
        if (path.startsWith("/api/v1/admin/")) {
            if (!keys.isAdmin(presented)) {
                problems.writeUnauthorized(request, response, "a valid admin API key is required in " + KEY_HEADER);
                return;
            }
            chain.doFilter(withSource(request, "admin"), response);
            return;
        }
        if (needsSender(request.getMethod(), path)) {
            Optional<String> client = keys.client(presented);
            if (client.isEmpty()) {
                problems.writeUnauthorized(request, response, "a valid API key is required in " + KEY_HEADER + " or as a Bearer token");
                return;
            }
            chain.doFilter(withSource(request, client.get()), response);
            return;
        }
        chain.doFilter(withSource(request, null), response);
    }

    /** The key in {@code X-API-Key}, else the token of an {@code Authorization: Bearer} header. */
    static String presentedKey(HttpServletRequest request) {
        String key = request.getHeader(KEY_HEADER);
        if (key != null) {
            return key;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }

    private static boolean needsSender(String method, String path) {
        boolean write = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
        return write && !OPEN_WRITES.contains(path) && !ONE_TIME_CODE.matcher(path).matches()
                || path.startsWith(DIVOC_UPLOADS);
    }

    /** Replaces any caller-supplied source header with the authenticated one (or none). */
    private static HttpServletRequest withSource(HttpServletRequest request, String source) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return SOURCE_HEADER.equalsIgnoreCase(name) ? source : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                if (SOURCE_HEADER.equalsIgnoreCase(name)) {
                    return source == null ? Collections.emptyEnumeration() : Collections.enumeration(Set.of(source));
                }
                return super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                var names = new java.util.ArrayList<String>();
                for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
                    String name = e.nextElement();
                    if (!SOURCE_HEADER.equalsIgnoreCase(name)) {
                        names.add(name);
                    }
                }
                if (source != null) {
                    names.add(SOURCE_HEADER);
                }
                return Collections.enumeration(names);
            }
        };
    }
}
