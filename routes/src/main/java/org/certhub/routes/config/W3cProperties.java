package org.certhub.routes.config;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How W3C credentials are signed ({@code certhub.w3c.*}).
 *
 * @param proofSuite      {@code Ed25519Signature2020} (the default: the hub's context, a status list entry), or
 *                        {@code RsaSignature2018} for verifier apps that know only DIVOC's (needs an RSA W3C_VC key
 *                        and {@code divocContextUrl})
 * @param divocContextUrl a DIVOC deployment's vaccination context namespace: credentials naming it verify here, and
 *                        RsaSignature2018 credentials name it; empty for none
 */
@Validated
@ConfigurationProperties("certhub.w3c")
public record W3cProperties(
        @Pattern(regexp = "Ed25519Signature2020|RsaSignature2018")
        String proofSuite,

        @Pattern(regexp = "(https?://.+)?") String divocContextUrl) {

    public static final String RSA_SIGNATURE_2018 = "RsaSignature2018";

    public W3cProperties {
        proofSuite = proofSuite == null || proofSuite.isBlank() ? "Ed25519Signature2020" : proofSuite;
        divocContextUrl = divocContextUrl == null || divocContextUrl.isBlank() ? null : divocContextUrl;
        if (RSA_SIGNATURE_2018.equals(proofSuite) && divocContextUrl == null) {
            throw new IllegalArgumentException(
                    "certhub.w3c.proof-suite=RsaSignature2018 needs certhub.w3c.divoc-context-url "
                            + "(CERTHUB_W3C_DIVOC_CONTEXT_URL): the DIVOC context namespace the verifier apps know");
        }
    }

    public boolean divocRsa() {
        return RSA_SIGNATURE_2018.equals(proofSuite);
    }

    public List<String> divocContextUrls() {
        return divocContextUrl == null ? List.of() : List.of(divocContextUrl);
    }
}
