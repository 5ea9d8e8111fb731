package org.certhub.routes.signing;

import java.time.Clock;
import java.util.Optional;
import org.certhub.routes.store.StatusListStore;
import org.certhub.signer.w3c.BitstringStatusList;
import org.certhub.signer.w3c.StatusListSource;
import org.certhub.signer.w3c.W3cVcFormat;
import org.certhub.signer.w3c.W3cVcSettings;
import org.springframework.stereotype.Component;

/**
 * The hub's W3C Bitstring Status List credentials ({@code <base URL>/credentials/status/<n>}), signed when read
 * with the active W3C VC key from the certificates' current standing; also the source the hub's own verifier reads
 * them from, without a network round trip.
 */
@Component
public class StatusLists implements StatusListSource {

    private static final long LIST_SIZE = BitstringStatusList.LIST_SIZE;

    /** Lists are numbered from 0; a number longer than this is no list the hub could have given. */
    private static final int MAX_DIGITS = 12;

    private final StatusListStore store;
    private final W3cVcFormat format;
    private final Clock clock;
    private final String listBaseUrl;
    private final String issuer;

    public StatusLists(StatusListStore store, W3cVcFormat format, Clock clock, IssuerIdentity issuer) {
        this.store = store;
        this.format = format;
        this.clock = clock;
        this.listBaseUrl = listBaseUrl(issuer);
        this.issuer = issuer.did();
    }

    /** The prefix of the hub's list URLs: {@code <base URL>/credentials/status/}. */
    public static String listBaseUrl(IssuerIdentity issuer) {
        return issuer.baseUrl() + W3cVcSettings.STATUS_LIST_PATH;
    }

    /** The signed list credential of list {@code list} (decimal digits), or empty when there is no such list. */
    public Optional<String> signedList(String list) {
        return number(list)
                .filter(store::exists)
                .map(number -> format.signStatusList(number, store.withdrawnPositions(number), clock.instant()));
    }

    @Override
    public Optional<String> statusListCredential(String url) {
        return url.startsWith(listBaseUrl) ? signedList(url.substring(listBaseUrl.length())) : Optional.empty();
    }

    /**
     * The bit straight from the store, for the hub's own lists and credentials of its own issuer: what the signed
     * list would say. A position no certificate holds, in a list given or not, is clear, as in the signed list.
     */
    @Override
    public Optional<Boolean> ownListBit(String url, String issuer, int index) {
        if (!url.startsWith(listBaseUrl) || !this.issuer.equals(issuer) || index < 0 || index >= LIST_SIZE) {
            return Optional.empty();
        }
        return number(url.substring(listBaseUrl.length())).map(number -> store.isWithdrawn(number * LIST_SIZE + index));
    }

    private static Optional<Long> number(String list) {
        if (list == null
                || list.isEmpty()
                || list.length() > MAX_DIGITS
                || !list.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(list));
    }
}
