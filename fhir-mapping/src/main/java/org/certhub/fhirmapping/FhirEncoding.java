package org.certhub.fhirmapping;

import java.util.Locale;
import java.util.Optional;

/** The two FHIR wire formats, chosen per FHIR's content negotiation ({@code _format}, then the media type). */
public enum FhirEncoding {
    JSON("application/fhir+json"),
    XML("application/fhir+xml");

    private final String mediaType;

    FhirEncoding(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The encoding named by a {@code _format} parameter ({@code json}, {@code xml}, a full media type) or a
     * {@code Content-Type}/{@code Accept} value; empty when it names neither.
     */
    public static Optional<FhirEncoding> fromName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("json")) {
            return Optional.of(JSON);
        }
        if (lower.contains("xml")) {
            return Optional.of(XML);
        }
        return Optional.empty();
    }
}
