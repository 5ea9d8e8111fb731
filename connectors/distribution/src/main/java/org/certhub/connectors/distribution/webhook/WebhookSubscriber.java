package org.certhub.connectors.distribution.webhook;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.certhub.connectors.distribution.http.HeaderValues;
import org.certhub.connectors.distribution.http.HttpUrls;
import org.certhub.connectors.http.Secret;
import org.certhub.model.Certificate;
import org.certhub.model.Facility;

/**
 * One receiver of certificate events ({@code certhub.channels.webhook.subscribers[n].*}).
 *
 * @param id         a stable name (letters, digits, {@code . _ ~ : -}): its successes are remembered under it
 * @param url        where the events are POSTed (http or https)
 * @param secret     the HMAC-SHA256 key of the {@code X-Certhub-Signature} header
 * @param facilities facility ids whose certificates it receives ({@code *}: all)
 * @param programmes programme ids whose certificates it receives ({@code *}: all)
 */
public record WebhookSubscriber(String id, URI url, Secret secret, List<String> facilities, List<String> programmes) {

    public static final String ANY = "*";

    public WebhookSubscriber {
        HeaderValues.requireToken(id, "subscriber id");
        HttpUrls.requireHttpUrl(url, "subscriber " + id + ": url");
        Objects.requireNonNull(secret, "subscriber secret");
        facilities = facilities == null ? List.of() : List.copyOf(facilities);
        programmes = programmes == null ? List.of() : List.copyOf(programmes);
        if (facilities.isEmpty() && programmes.isEmpty()) {
            throw new IllegalArgumentException("subscriber " + id + " lists no facility and no programme (use *)");
        }
    }

    /** Whether it receives {@code certificate}: its facility or its programme is listed. */
    public boolean wants(Certificate certificate) {
        Facility facility = certificate.event().facility();
        String facilityId = facility == null ? null : facility.id();
        String programmeId = certificate.event().programmeId();
        return matches(facilities, facilityId) || matches(programmes, programmeId);
    }

    private static boolean matches(List<String> wanted, String value) {
        return wanted.contains(ANY) || value != null && wanted.contains(value);
    }
}
