package org.certhub.routes.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.certhub.signer.trust.TrustListDownloads;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Other issuers' trust lists to fetch ({@code certhub.trust.*}): each list's URL and format, refreshed every
 * {@code refresh}. From the environment: {@code CERTHUB_TRUST_LISTS_0_URL}, {@code CERTHUB_TRUST_LISTS_0_FORMAT}, ...
 */
@Validated
@ConfigurationProperties("certhub.trust")
public record TrustListProperties(@NotNull Duration refresh, List<@Valid TrustList> lists) {

    public TrustListProperties {
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    /** One published list: an EU DCC gateway DSC list ({@code EU_DSC}) or a {@code jwks.json} ({@code JWKS}). */
    public record TrustList(
            @NotNull @Pattern(regexp = "https?://.+") String url,
            @NotNull TrustListDownloads.Format format) {}
}
