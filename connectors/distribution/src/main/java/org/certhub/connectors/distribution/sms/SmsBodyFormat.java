package org.certhub.connectors.distribution.sms;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How the gateway's request body is written, and so how a value is escaped into its template. */
public enum SmsBodyFormat {

    /** {@code application/x-www-form-urlencoded}: values are percent-encoded. */
    FORM("application/x-www-form-urlencoded") {
        @Override
        String escape(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    },

    /** {@code application/json}: placeholders stand inside JSON strings; values are JSON-string escaped. */
    JSON("application/json") {
        @Override
        String escape(String value) {
            return new String(JsonStringEncoder.getInstance().quoteAsString(value));
        }
    };

    private final String contentType;

    SmsBodyFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    abstract String escape(String value);
}
