package org.certhub.connectors.distribution.digilocker;

import java.net.URI;
import java.util.Objects;
import org.certhub.connectors.distribution.http.HttpUrls;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.HttpTimeouts;

/**
 * Settings of the locker push channel ({@code certhub.channels.digilocker.push.*}).
 *
 * @param url         the locker's push endpoint (http or https)
 * @param format      JSON (default) or XML request bodies
 * @param auth        HMAC of the body or an API key header (or bearer/basic)
 * @param issuer      issuer id and document type that make the pushed URI
 * @param orgId       the organisation id the locker knows the issuer by
 * @param description the document's description shown in the locker (default "Vaccination Certificate")
 * @param timeouts    connect and request time limits
 */
public record DigiLockerPushSettings(
        URI url,
        Format format,
        HttpAuth auth,
        DigiLockerIssuer issuer,
        String orgId,
        String description,
        HttpTimeouts timeouts) {

    /** The request body's language. */
    public enum Format {
        JSON,
        XML
    }

    public DigiLockerPushSettings {
        HttpUrls.requireHttpUrl(url, "url");
        format = format == null ? Format.JSON : format;
        auth = auth == null ? new HttpAuth.None() : auth;
        Objects.requireNonNull(issuer, "issuer");
        orgId = orgId == null ? "" : orgId.trim();
        description = description == null || description.isBlank() ? "Vaccination Certificate" : description;
        timeouts = timeouts == null ? HttpTimeouts.DEFAULT : timeouts;
    }
}
