package org.certhub.routes.wiring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.certhub.connectors.distribution.digilocker.DigiLockerIssuer;
import org.certhub.connectors.distribution.digilocker.DigiLockerPullSettings;
import org.certhub.connectors.distribution.digilocker.DigiLockerPushSettings;
import org.certhub.connectors.http.HttpTimeouts;
import org.certhub.connectors.http.Secret;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.channels.digilocker.*}: certhub as a DigiLocker issuer. {@code enabled} switches the push channel,
 * {@code pull.enabled} the pull endpoints; both share the issuer id and document type that make the URIs.
 */
@Validated
@ConditionalOnExpression(
        "${certhub.channels.digilocker.enabled:false} or ${certhub.channels.digilocker.pull.enabled:false}")
@ConfigurationProperties("certhub.channels.digilocker")
public record DigiLockerProperties(
        @NotBlank String issuerId,
        @NotBlank String docType,
        @Valid Push push,
        @Valid Pull pull) {

    public record Push(
            URI url,
            DigiLockerPushSettings.Format format,
            @Valid HttpAuthProperties auth,
            String orgId,
            String description,
            Duration connectTimeout,
            Duration requestTimeout) {}

    /** @param hmacKey the API key from DigiLocker's partner portal ({@code CERTHUB_DIGILOCKER_PULL_KEY}) */
    public record Pull(String hmacKey, int mobileMatchDigits) {
        @Override
        public String toString() {
            return "Pull[hmacKey=" + (HttpAuthProperties.blankToNull(hmacKey) == null ? "unset" : "****")
                    + ", mobileMatchDigits=" + mobileMatchDigits + "]";
        }
    }

    public DigiLockerIssuer issuer() {
        return new DigiLockerIssuer(issuerId, docType);
    }

    public DigiLockerPushSettings pushSettings() {
        if (push == null || push.url() == null) {
            throw new IllegalStateException(
                    "certhub.channels.digilocker.push.url is required when the channel is enabled");
        }
        return new DigiLockerPushSettings(
                push.url(),
                push.format(),
                push.auth() == null ? null : push.auth().toHttpAuth("certhub.channels.digilocker.push.auth"),
                issuer(),
                push.orgId(),
                push.description(),
                new HttpTimeouts(push.connectTimeout(), push.requestTimeout()));
    }

    public DigiLockerPullSettings pullSettings() {
        if (pull == null || HttpAuthProperties.blankToNull(pull.hmacKey()) == null) {
            throw new IllegalStateException(
                    "certhub.channels.digilocker.pull.hmac-key (CERTHUB_DIGILOCKER_PULL_KEY) is required"
                            + " when the pull endpoints are enabled");
        }
        return new DigiLockerPullSettings(issuer(), Secret.of(pull.hmacKey()), pull.mobileMatchDigits());
    }
}
