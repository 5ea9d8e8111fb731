package org.certhub.routes.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certhub.connectors.payment.spi.FundingSource;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code certhub.programmes.<id>.*}: what a vaccination programme asks of the hub.
 *
 * @param programmes by programme id (the event's {@code programmeId})
 */
@ConfigurationProperties("certhub")
public record ProgrammeProperties(Map<String, Programme> programmes) {

    /**
     * @param formats        the credential formats its certificates are issued in, primary first (empty: {@code certhub.formats})
     * @param channels       the delivery channels its certificates go out on (empty: every enabled channel)
     * @param blockUntilPaid hold certificates until a pending payment is settled (default: issue and reconcile)
     * @param fundingSource  who pays for its doses (default government)
     * @param requiredFormats formats without which no certificate is issued: a record they cannot carry is refused
     *                       at intake ({@code 422}) instead of being issued in the other formats
     * @param defaultLanguage the language (BCP 47 tag) its deliveries and documents are in when the record names no
     *                        language the hub has texts for (blank: English)
     */
    public record Programme(
            List<String> formats,
            List<String> channels,
            boolean blockUntilPaid,
            FundingSource fundingSource,
            List<String> requiredFormats,
            String defaultLanguage) {
        public Programme {
            formats = formats == null ? List.of() : List.copyOf(formats);
            channels = channels == null ? List.of() : List.copyOf(channels);
            requiredFormats = requiredFormats == null
                    ? List.of()
                    : requiredFormats.stream().filter(f -> !f.isBlank()).toList();
            defaultLanguage = defaultLanguage == null || defaultLanguage.isBlank() ? null : defaultLanguage.trim();
        }
    }

    public ProgrammeProperties {
        programmes = programmes == null ? Map.of() : Map.copyOf(programmes);
    }

    public Optional<Programme> find(String programmeId) {
        return programmeId == null ? Optional.empty() : Optional.ofNullable(programmes.get(programmeId));
    }

    /** The formats the programme's certificates are issued in, or {@code defaults} when it names none. */
    public List<String> formats(String programmeId, List<String> defaults) {
        return find(programmeId)
                .map(Programme::formats)
                .filter(f -> !f.isEmpty())
                .orElse(defaults);
    }

    /** The formats the programme cannot issue a certificate without (none unless it names some). */
    public List<String> requiredFormats(String programmeId) {
        return find(programmeId).map(Programme::requiredFormats).orElse(List.of());
    }

    /** Whether the programme's certificates go out on {@code channel}. */
    public boolean allowsChannel(String programmeId, String channel) {
        return find(programmeId)
                .map(p -> p.channels().isEmpty() || p.channels().contains(channel))
                .orElse(true);
    }

    public boolean blocksUntilPaid(String programmeId) {
        return find(programmeId).map(Programme::blockUntilPaid).orElse(false);
    }

    /** The programme's default language tag, if it names one. */
    public Optional<String> defaultLanguage(String programmeId) {
        return find(programmeId).map(Programme::defaultLanguage);
    }

    public FundingSource fundingSource(String programmeId) {
        return find(programmeId).map(Programme::fundingSource).orElse(FundingSource.GOVERNMENT);
    }
}
