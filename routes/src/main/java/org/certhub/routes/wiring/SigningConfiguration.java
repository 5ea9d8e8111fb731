package org.certhub.routes.wiring;

import java.util.ArrayList;
import java.util.List;
import org.certhub.fhirmapping.export.ShcBundleWriter;
import org.certhub.model.VaccinationEvent;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.config.TrustListProperties;
import org.certhub.routes.config.W3cProperties;
import org.certhub.routes.signing.IssuerIdentity;
import org.certhub.routes.signing.SigningKeyProviders;
import org.certhub.routes.signing.StatusLists;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.PersonDoses;
import org.certhub.routes.store.ShcRevocationLists;
import org.certhub.routes.store.StatusListStore;
import org.certhub.signer.CredentialFormat;
import org.certhub.signer.CredentialVerifier;
import org.certhub.signer.Verification;
import org.certhub.signer.hcert.EuDccFormat;
import org.certhub.signer.hcert.EuDccSettings;
import org.certhub.signer.hcert.EuDccVerifier;
import org.certhub.signer.keys.SigningKeyProvider;
import org.certhub.signer.keys.TrustedKeys;
import org.certhub.signer.shc.ShcFormat;
import org.certhub.signer.shc.ShcVerifier;
import org.certhub.signer.trust.EuDscList;
import org.certhub.signer.trust.HubTrustedKeys;
import org.certhub.signer.trust.TrustDirectory;
import org.certhub.signer.trust.TrustListDownloads;
import org.certhub.signer.w3c.W3cVcFormat;
import org.certhub.signer.w3c.W3cVcSettings;
import org.certhub.signer.w3c.W3cVcVerifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Keys, the credential formats and their verifiers. Every format is available; {@code certhub.formats} picks the
 * ones each certificate is issued in, while verification accepts all of them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(W3cProperties.class)
public class SigningConfiguration {

    @Bean
    SigningKeyProvider signingKeys(CerthubProperties properties) {
        return SigningKeyProviders.from(properties.keys());
    }

    /** Downloaded trust lists; EU DSC lists are checked against the configured CSCAs and gateway signers. */
    @Bean
    TrustListDownloads trustListDownloads(TrustListProperties trust) {
        return new TrustListDownloads(new EuDscList.Anchors(
                TrustDirectory.certificatesAt(trust.csca()),
                TrustDirectory.certificatesAt(trust.gatewayCertificates())));
    }

    /** This hub's keys, the trust folder's, and the downloaded trust lists': what every verifier searches. */
    @Bean
    @Primary
    TrustedKeys trustedKeys(
            SigningKeyProvider keys,
            IssuerIdentity issuer,
            CerthubProperties properties,
            TrustListDownloads downloads) {
        return TrustListDownloads.combined(
                new HubTrustedKeys(
                        keys, new HubTrustedKeys.Settings(issuer.did(), issuer.baseUrl(), properties.trustDir())),
                downloads);
    }

    @Bean
    W3cVcSettings w3cVcSettings(IssuerIdentity issuer) {
        return new W3cVcSettings(
                issuer.did(),
                issuer.certificateIdSystem() + "/",
                issuer.baseUrl(),
                null,
                issuer.baseUrl() + W3cVcSettings.CONTEXT_PATH,
                null);
    }

    /**
     * W3C credentials with a Bitstring Status List entry (the lists are served by {@link StatusLists}), or, when
     * configured, in DIVOC's RsaSignature2018 form.
     */
    @Bean
    W3cVcFormat w3cVcFormat(
            W3cVcSettings settings,
            SigningKeyProvider keys,
            IssuerIdentity issuer,
            StatusListStore statusIndexes,
            W3cProperties w3c) {
        return w3c.divocRsa()
                ? W3cVcFormat.divocRsa(settings, keys, w3c.divocContextUrl())
                : new W3cVcFormat(settings, keys, StatusLists.listBaseUrl(issuer), statusIndexes);
    }

    @Bean
    CredentialFormat euDccFormat(CerthubProperties properties, SigningKeyProvider keys) {
        return new EuDccFormat(
                EuDccSettings.of(
                        properties.issuer().country(), properties.issuer().name(), "CERTHUB"),
                keys);
    }

    /** SMART Health Cards hold the certificate's dose and every other certified dose of the person's programme. */
    @Bean
    CredentialFormat shcFormat(
            IssuerIdentity issuer, SigningKeyProvider keys, ShcBundleWriter bundles, PersonDoses doses) {
        return new ShcFormat(new ShcFormat.Settings(issuer.baseUrl()), keys, (certificate, maxDoses) -> {
            List<VaccinationEvent> all = new ArrayList<>(doses.othersOf(certificate.eventId()));
            all.add(certificate.event());
            return bundles.bundleJson(certificate.recipient(), all, maxDoses);
        });
    }

    @Bean
    W3cVcVerifier w3cVcVerifier(
            TrustedKeys trusted, W3cVcSettings settings, StatusLists statusLists, W3cProperties w3c) {
        return new W3cVcVerifier(trusted, settings.contextUrl(), w3c.divocContextUrls(), statusLists);
    }

    @Bean
    EuDccVerifier euDccVerifier(TrustedKeys trusted) {
        return new EuDccVerifier(trusted);
    }

    @Bean
    ShcVerifier shcVerifier(TrustedKeys trusted, IssuerIdentity issuer, ShcRevocationLists revocations) {
        return new ShcVerifier(trusted, new ShcVerifier.Settings(issuer.certificateIdSystem()), revocations);
    }

    /** Verifies every supported format; certificates this hub revoked or superseded fail as {@code revoked}. */
    @Bean
    Verification verification(List<CredentialVerifier> verifiers, CertificateStore certificates) {
        return new Verification(verifiers, certificates::isWithdrawn);
    }
}
