package org.certhub.routes.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.certhub.fhirmapping.Problem;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.config.IngestProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code certhub.max-request-bytes} (bulk imports: {@code certhub.ingest.bulk.max-bytes},
 * spooled to disk as they stream in) with {@code 413}: by the declared length at once,
 * and by counting for bodies sent without one, so that no sender can exhaust memory. Multipart bodies are refused
 * ({@code 415}) on every path but the two uploads' (FHIR bulk import, DIVOC bulk CSV), before anything could parse them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLimitFilter extends OncePerRequestFilter {

    private static final String BULK_IMPORT = "/fhir/r4/$import";
    private static final Set<String> MULTIPART_PATHS = Set.of(BULK_IMPORT, "/divoc/api/v1/bulkCertify");

    private final long maxBytes;
    private final long maxImportBytes;
    private final HttpProblems problems;

    public RequestLimitFilter(CerthubProperties properties, IngestProperties ingest, HttpProblems problems) {
        this.maxBytes = properties.maxRequestBytes();
        this.maxImportBytes = ingest.bulk().maxBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = BULK_IMPORT.equals(path) ? maxImportBytes : maxBytes;
        if (!MULTIPART_PATHS.contains(path) && isMultipart(request)) {
            problems.write(
                    response,
                    415,
                    List.of(Problem.error(
                            "not-supported",
                            "multipart bodies are accepted only by POST "
                                    + String.join(
                                            " and ",
                                            MULTIPART_PATHS.stream().sorted().toList()),
                            null)),
                    problems.acceptedEncoding(request));
            return;
        }
        if (request.getContentLengthLong() > limit) {
            problems.write(response, 413, List.of(tooLarge(limit)), problems.acceptedEncoding(request));
            return;
        }
        try {
            chain.doFilter(new Bounded(request, limit), response);
        } catch (BodyTooLargeException | ServletException e) {
            if (!(e instanceof BodyTooLargeException) && !(e.getCause() instanceof BodyTooLargeException)) {
                throw e;
            }
            if (!response.isCommitted()) {
                response.reset();
                problems.write(response, 413, List.of(tooLarge(limit)), problems.acceptedEncoding(request));
            }
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.stripLeading().regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    private static Problem tooLarge(long limit) {
        return Problem.error("too-costly", "the request body is larger than " + limit + " bytes", null);
    }

    /** Thrown while reading a body past the limit; answered as {@code 413} wherever it surfaces. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public BodyTooLargeException() {
            super("request body over the limit");
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream inner = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = inner.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = inner.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > maxBytes) {
                            throw new BodyTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return inner.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        inner.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
