package org.certhub.routes.wiring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.certhub.connectors.distribution.sms.SmsBodyFormat;
import org.certhub.connectors.distribution.sms.SmsSettings;
import org.certhub.connectors.http.HttpTimeouts;
import org.certhub.connectors.http.Secret;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code certhub.channels.sms.*}: the generic HTTP SMS gateway (see {@link SmsSettings} for each field). */
@Validated
@ConditionalOnProperty(name = "certhub.channels.sms.enabled", havingValue = "true") // bound only when switched on
@ConfigurationProperties("certhub.channels.sms")
public record SmsChannelProperties(
        @NotNull URI url,
        SmsSettings.Method method,
        @Valid HttpAuthProperties auth,
        SmsBodyFormat bodyFormat,
        @NotBlank String bodyTemplate,
        Map<String, String> messageTemplates,
        String codeKey,
        int codeDigits,
        String idempotencyHeader,
        String successJsonPath,
        List<String> successValues,
        Boolean bodyErrorRetryable,
        String messageIdJsonPath,
        Duration connectTimeout,
        Duration requestTimeout) {

    public SmsSettings settings() {
        String key = HttpAuthProperties.blankToNull(codeKey);
        return new SmsSettings(
                url,
                method,
                auth == null ? null : auth.toHttpAuth("certhub.channels.sms.auth"),
                bodyFormat,
                bodyTemplate,
                messageTemplates,
                key == null ? null : Secret.of(key),
                codeDigits,
                idempotencyHeader,
                successJsonPath,
                successValues,
                bodyErrorRetryable == null || bodyErrorRetryable,
                messageIdJsonPath,
                new HttpTimeouts(connectTimeout, requestTimeout));
    }

    @Override
    public String toString() {
        return "SmsChannelProperties[url=" + url + ", method=" + method + ", auth=" + auth + ", bodyFormat="
                + bodyFormat + ", codeKey=" + (HttpAuthProperties.blankToNull(codeKey) == null ? "unset" : "****")
                + "]";
    }
}
