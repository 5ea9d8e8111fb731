package org.certhub.signer.w3c;

import java.nio.file.Path;
import java.time.Period;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.TestCertificates;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.certhub.signer.trust.HubTrustedKeys;

/** A development keystore with the format and verifier wired the way the hub wires them. */
public record W3cVcFixture(
        KeyStoreSigningKeyProvider keys, W3cVcSettings settings, W3cVcFormat format, W3cVcVerifier verifier) {

    public static final String ISSUER = "did:web:certs.example.org";

    public static W3cVcSettings defaultSettings() {
        return new W3cVcSettings(
                ISSUER,
                "https://certs.example.org/certificates/",
                "https://certs.example.org/learn",
                "https://certs.example.org/feedback",
                "https://certs.example.org" + W3cVcSettings.CONTEXT_PATH,
                Period.ofYears(1));
    }

    private static W3cVcFixture shared;

    /** One fixture for the test classes that only read: its keys live in {@code target/test-keys}. */
    public static synchronized W3cVcFixture shared() {
        if (shared == null) {
            shared = create(Path.of("target", "test-keys", "w3c-vc"));
        }
        return shared;
    }

    /** The second-dose test certificate, signed. */
    public SignedCredential signedSecondDose() {
        return format.sign(TestCertificates.secondDose());
    }

    public static W3cVcFixture create(Path keysDir) {
        KeyStoreSigningKeyProvider keys = KeyStoreSigningKeyProvider.openOrCreate(keysDir, null);
        W3cVcSettings settings = defaultSettings();
        HubTrustedKeys trusted = new HubTrustedKeys(keys, new HubTrustedKeys.Settings(ISSUER, null, null));
        return new W3cVcFixture(keys, settings, new W3cVcFormat(settings, keys), new W3cVcVerifier(trusted, settings));
    }

    /**
     * A blank-node bomb: {@code size} blank nodes that all link to each other, alike to canonicalisation, which
     * must then try their orders (factorially many). As a JSON array of node objects with full IRIs as keys.
     */
    public static String blankNodeClique(int size) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"@id\":\"_:b")
                    .append(i)
                    .append("\",\"https://schema.org/knows\":[");
            for (int j = 0; j < size; j++) {
                json.append(j == 0 ? "" : ",")
                        .append("{\"@id\":\"_:b")
                        .append(j)
                        .append("\"}");
            }
            json.append("]}");
        }
        return json.append("]").toString();
    }
}
