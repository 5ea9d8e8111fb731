package org.certhub.routes.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Cache-Control} of the JSON-LD documents the hub publishes (Camel's HTTP binding drops a route's own
 * {@code Cache-Control}, so it is set here, before the route answers): a context never changes under its URL
 * ({@code immutable}); a status list changes with each revocation ({@code no-cache}).
 */
@Component
public class PublicDocumentCaching extends OncePerRequestFilter {

    static final String CONTEXTS = "/credentials/vaccination/";
    static final String STATUS_LISTS = "/credentials/status/";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(CONTEXTS)) {
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        } else if (path.startsWith(STATUS_LISTS)) {
            response.setHeader("Cache-Control", "no-cache");
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    }
}
