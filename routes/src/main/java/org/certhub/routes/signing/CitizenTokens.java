package org.certhub.routes.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.certhub.connectors.distribution.sms.ShortCode;
import org.certhub.connectors.distribution.sms.SmsDistributor;
import org.certhub.routes.config.Secrets;
import org.certhub.routes.config.SecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Citizens' capabilities, signed with the hub's link key (HMAC-SHA256) and expiring: a <em>link</em> token opens
 * one certificate (it rides in the links of mails, SMS and lockers); a <em>session</em> token opens the
 * certificates of one contact (after an OTP). {@code citizen.<payload>.<mac>}, base64url; the payload is
 * {@code L|<certificate id>|<expiry epoch s>} or {@code S|<contact digest>|<expiry epoch s>}. Rotating the link key
 * ({@code CERTHUB_LINK_KEY}) revokes them all. Where the SMS text shows a short code beside the link
 * ({@code certhub.channels.sms.code-key} and a template with {@code {code}}), the SMS link's token is
 * {@code C|<certificate id>|<expiry>}: it opens its certificate only with that code ({@code &code=}).
 */
@Component
public class CitizenTokens {

    public static final String PREFIX = "citizen.";
    private static final String SMS = "sms";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final SecurityProperties security;
    private final Clock clock;
    private final ObjectProvider<SmsDistributor> smsChannel;

    public CitizenTokens(
            Secrets secrets, SecurityProperties security, Clock clock, ObjectProvider<SmsDistributor> smsChannel) {
        this.key = secrets.secret(security.linkKey(), "link-key", "CERTHUB_LINK_KEY");
        this.security = security;
        this.clock = clock;
        this.smsChannel = smsChannel;
    }

    private Optional<ShortCode> smsCode() {
        return Optional.ofNullable(smsChannel.getIfAvailable()).flatMap(SmsDistributor::linkCode);
    }

    /** A link token for one certificate, valid for {@code certhub.security.link-validity}. */
    public String link(String certificateId) {
        return sign("L|" + certificateId + "|"
                + clock.instant().plus(security.linkValidity()).getEpochSecond());
    }

    /**
     * The link token for a channel's message: on the SMS channel, when its texts show a short code, a token that
     * opens the certificate only together with that code; else a {@link #link} token.
     */
    public String linkFor(String certificateId, String channel) {
        if (SMS.equals(channel) && smsCode().isPresent()) {
            return sign("C|" + certificateId + "|"
                    + clock.instant().plus(security.linkValidity()).getEpochSecond());
        }
        return link(certificateId);
    }

    /** A session token for the certificates of a contact (by its digest), valid until {@code expiresAt}. */
    public String session(String contactDigest, Instant expiresAt) {
        return sign("S|" + contactDigest + "|" + expiresAt.getEpochSecond());
    }

    /**
     * The citizen a token stands for, when its signature holds and it has not expired: a link's holder reaches one
     * certificate, a session's the certificates of a contact digest; a code-guarded link token only with the right
     * short code.
     */
    public Optional<Holder> verify(String token, String code) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            byte[] mac = Base64.getUrlDecoder().decode(parts[1]);
            if (!MessageDigest.isEqual(mac, mac(payload))) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String[] fields = payload.split("\\|", -1);
        if (fields.length != 3 || Long.parseLong(fields[2]) <= clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return switch (fields[0]) {
            case "L" -> Optional.of(new Holder("link", fields[1]));
            case "C" ->
                code != null
                                && smsCode()
                                        .filter(c -> c.matches(fields[1], code))
                                        .isPresent()
                        ? Optional.of(new Holder("link", fields[1]))
                        : Optional.empty();
            case "S" -> Optional.of(new Holder(fields[1], null));
            default -> Optional.empty();
        };
    }

    private String sign(String payload) {
        return PREFIX + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(mac(payload));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /**
     * Who holds a valid token: {@code id} is {@code link} for a link, else the contact digest of a session;
     * {@code certificate} is the one certificate a link opens (null for a session).
     */
    public record Holder(String id, String certificate) {}
}
