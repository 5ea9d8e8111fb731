package org.certhub.routes.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.certhub.fhirmapping.Problem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies that carry text (FHIR JSON and XML, DIVOC JSON, QR texts, DigiLocker XML) are UTF-8: one that is
 * not, byte for byte, is answered {@code 400} with the offset of the first bad byte, before any route reads it
 * (a lenient reader would replace the bytes or fail deep inside). Binary bodies ({@code application/octet-stream}),
 * multipart bodies and the bulk import's stream (spooled to disk as it arrives) are let through as they are. Runs
 * after {@link RequestLimitFilter}, which bounds what is read here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class Utf8BodyFilter extends OncePerRequestFilter {

    private static final String BULK_IMPORT = "/fhir/r4/$import";

    private final HttpProblems problems;

    public Utf8BodyFilter(HttpProblems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType() == null
                ? ""
                : request.getContentType().toLowerCase(Locale.ROOT).stripLeading();
        return request.getContentLengthLong() == 0
                || type.startsWith("application/octet-stream")
                || type.startsWith("multipart/")
                || BULK_IMPORT.equals(request.getRequestURI()
                        .substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        Optional<String> text = decode(body);
        if (text.isEmpty()) {
            problems.write(
                    response,
                    400,
                    List.of(Problem.error(
                            "invalid",
                            "the request body is not valid UTF-8 (at byte " + firstBadByte(body) + ")",
                            null)),
                    problems.acceptedEncoding(request));
            return;
        }
        chain.doFilter(new Decoded(request, body, text.get()), response);
    }

    /** The text of UTF-8 bytes, or empty when they are not valid UTF-8. */
    static Optional<String> decode(byte[] body) {
        try {
            return Optional.of(decoder().decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int firstBadByte(byte[] body) {
        ByteBuffer bytes = ByteBuffer.wrap(body);
        decoder().decode(bytes, CharBuffer.allocate(body.length), true);
        return bytes.position();
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The request with its body read: the same bytes again, or their text. */
    private static final class Decoded extends HttpServletRequestWrapper {
        private final byte[] body;
        private final String text;

        Decoded(HttpServletRequest request, byte[] body, String text) {
            super(request);
            this.body = body;
            this.text = text;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new StringReader(text));
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }
    }
}
