package org.certhub.routes.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.certhub.signer.trust.TrustListDownloads;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Other issuers' trust lists to fetch ({@code certhub.trust.*}): each list's URL, format and (for a {@code JWKS}
 * list) the issuer its keys vouch for, refreshed every {@code refresh}, at most {@code maxBytes} each; the CSCA
 * certificates EU DSC lists are checked against, and the gateway's signing certificates. From the environment:
 * {@code CERTHUB_TRUST_LISTS_0_URL}, {@code CERTHUB_TRUST_LISTS_0_FORMAT}, {@code CERTHUB_TRUST_LISTS_0_ISSUER}, ...
 * A list the hub could not tell what to trust for (plain {@code http} to another host, a {@code JWKS} list of no
 * issuer, an {@code EU_DSC} list without CSCAs) stops the start.
 */
@Validated
@ConfigurationProperties("certhub.trust")
public record TrustListProperties(
        @NotNull Duration refresh,
        List<@Valid TrustList> lists,
        @Positive long maxBytes,
        Path csca,
        Path gatewayCertificates) {

    /** Where a SMART Health Card issuer publishes its keys, below its {@code iss}. */
    static final String JWKS_PATH = "/.well-known/jwks.json";

    public TrustListProperties {
        lists = lists == null ? List.of() : List.copyOf(lists);
        if (csca == null && lists.stream().anyMatch(l -> l.format() == TrustListDownloads.Format.EU_DSC)) {
            throw new IllegalArgumentException("an EU_DSC trust list is configured but no CSCA certificates to check"
                    + " its document signers against: set CERTHUB_TRUST_CSCA (certhub.trust.csca) to a PEM file or a"
                    + " folder of the CSCA certificates of the countries to trust");
        }
    }

    /**
     * One published list: an EU DCC gateway DSC list ({@code EU_DSC}) or a {@code jwks.json} ({@code JWKS}).
     *
     * @param issuer the issuer a {@code JWKS} list's keys vouch for; when unset, the URL's part before
     *               {@code /.well-known/jwks.json} (the SMART Health Card convention)
     */
    public record TrustList(@NotNull String url, @NotNull TrustListDownloads.Format format, String issuer) {

        public TrustList {
            if (url != null) {
                requireHttps(url);
            }
            if (format == TrustListDownloads.Format.JWKS && boundIssuer(url, issuer) == null) {
                throw new IllegalArgumentException("the JWKS trust list " + url + " names no issuer: set its issuer"
                        + " (certhub.trust.lists[n].issuer, CERTHUB_TRUST_LISTS_<n>_ISSUER), or publish it at"
                        + " <issuer>" + JWKS_PATH);
            }
        }

        /** The issuer this list's keys vouch for (for a {@code JWKS} list), else null. */
        public String boundIssuer() {
            return format == TrustListDownloads.Format.JWKS ? boundIssuer(url, issuer) : null;
        }

        private static String boundIssuer(String url, String issuer) {
            if (issuer != null && !issuer.isBlank()) {
                return issuer;
            }
            return url != null && url.endsWith(JWKS_PATH) && url.length() > JWKS_PATH.length()
                    ? url.substring(0, url.length() - JWKS_PATH.length())
                    : null;
        }

        /** https only; plain http is allowed to this machine alone (a list served beside the hub, or a test's). */
        private static void requireHttps(String url) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("trust list URL is not a URL: " + url, e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("https") || (scheme.equals("http") && loopback(uri)))) {
                throw new IllegalArgumentException(
                        "trust list URLs must be https:// (plain http only to localhost): " + url);
            }
        }

        private static boolean loopback(URI uri) {
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        }
    }
}
