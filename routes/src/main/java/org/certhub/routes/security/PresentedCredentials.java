package org.certhub.routes.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Finds the credential a request presents: {@code X-API-Key}, else an {@code Authorization: Bearer} token that
 * is not a JWT (DIVOC clients send their API key so; citizens their session token), else a citizen link token in
 * the {@code token} query parameter of a {@code GET} (with the SMS's short code in {@code code}, where the link
 * needs it). JWTs are left to the OIDC resource server.
 */
public final class PresentedCredentials implements AuthenticationConverter {

    public static final String KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    @Override
    public Authentication convert(HttpServletRequest request) {
        String key = request.getHeader(KEY_HEADER);
        if (key != null && !key.isBlank()) {
            return new PresentedCredential(key.strip());
        }
        String bearer = bearer(request);
        if (bearer != null) {
            return isJwt(bearer) ? null : new PresentedCredential(bearer);
        }
        String link = "GET".equals(request.getMethod()) ? queryParameter(request.getQueryString(), "token") : null;
        return link == null ? null : new PresentedCredential(link, queryParameter(request.getQueryString(), "code"));
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    public static String bearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    public static boolean isJwt(String token) {
        return JWT.matcher(token).matches();
    }

    /** A query parameter, decoded, from the raw query string (never from a form body); null when absent or blank. */
    static String queryParameter(String query, String name) {
        if (query == null || !query.contains(name + "=")) {
            return null;
        }
        String raw = UriComponentsBuilder.newInstance()
                .query(query)
                .build()
                .getQueryParams()
                .getFirst(name);
        return raw == null || raw.isBlank() ? null : UriUtils.decode(raw, StandardCharsets.UTF_8);
    }
}
