package org.certhub.routes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last filter of the security chain: hands the authenticated caller to the routes as the {@value Caller#HEADER}
 * header, a sender's id as {@value #SOURCE_HEADER} (the source of the events it posts; for an admin, the sender it
 * names by {@code ?sender=}, whose records it corrects) and the client address as
 * {@value #CLIENT_HEADER}. Whatever a caller sent
 * in these headers itself is dropped.
 */
public final class TrustedHeaders extends OncePerRequestFilter {

    public static final String SOURCE_HEADER = "X-Certhub-Source";
    /** The query parameter by which an admin names the sender whose record it corrects. */
    public static final String ADMIN_SENDER_PARAMETER = "sender";
    /** The client's address as the server saw it (the proxy's, behind one), for the audit trail. */
    public static final String CLIENT_HEADER = "X-Certhub-Client";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = current();
        chain.doFilter(
                new Trusted(
                        request,
                        Map.of(
                                Caller.HEADER.toLowerCase(), caller.map(Caller::encode),
                                SOURCE_HEADER.toLowerCase(), source(caller, request),
                                CLIENT_HEADER.toLowerCase(), Optional.ofNullable(request.getRemoteAddr()))),
                response);
    }

    /**
     * The sender whose records the request is about: the caller's own, or, for an admin correcting a sender's
     * record, the sender it names in the {@code sender} query parameter.
     */
    private static Optional<String> source(Optional<Caller> caller, HttpServletRequest request) {
        if (caller.filter(c -> c.is(Role.ADMIN)).isPresent()) {
            return Optional.ofNullable(
                    PresentedCredentials.queryParameter(request.getQueryString(), ADMIN_SENDER_PARAMETER));
        }
        return caller.flatMap(Caller::senderId);
    }

    private static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication known
                ? Optional.of(known.getPrincipal())
                : Optional.empty();
    }

    /** A request whose trusted headers hold the chain's values (or are absent), whatever the caller sent. */
    private static final class Trusted extends HttpServletRequestWrapper {
        private final Map<String, Optional<String>> trusted;

        Trusted(HttpServletRequest request, Map<String, Optional<String>> trusted) {
            super(request);
            this.trusted = trusted;
        }

        @Override
        public String getHeader(String name) {
            Optional<String> value = trusted.get(name.toLowerCase());
            return value != null ? value.orElse(null) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            Optional<String> value = trusted.get(name.toLowerCase());
            if (value != null) {
                return value.map(v -> Collections.enumeration(List.of(v))).orElse(Collections.emptyEnumeration());
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
                String name = e.nextElement();
                if (!trusted.containsKey(name.toLowerCase())) {
                    names.add(name);
                }
            }
            trusted.forEach((name, value) -> value.ifPresent(v -> names.add(name)));
            return Collections.enumeration(names);
        }
    }
}
