package org.certhub.routes.signing;

import java.util.Map;
import java.util.stream.Collectors;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.certhub.signer.keys.PemSigningKeyProvider;
import org.certhub.signer.keys.Pkcs11SigningKeyProvider;
import org.certhub.signer.keys.SigningKeyProvider;

/** The signing key provider {@code certhub.keys.provider} names, built from its settings. */
public final class SigningKeyProviders {

    private SigningKeyProviders() {}

    public static SigningKeyProvider from(CerthubProperties.Keys keys) {
        return switch (keys.provider()) {
            case "pem" ->
                new PemSigningKeyProvider(new PemSigningKeyProvider.Settings(keys.pem().entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey,
                                entry -> entry.getValue().stream()
                                        .map(files -> new PemSigningKeyProvider.PemKey(
                                                files.privateKey(), files.certificateChain()))
                                        .toList()))));
            case "pkcs11" -> {
                CerthubProperties.Pkcs11 hsm = keys.pkcs11();
                if (hsm == null || hsm.library() == null || hsm.pin() == null) {
                    throw new IllegalStateException(
                            "certhub.keys.provider=pkcs11 needs certhub.keys.pkcs11.library and .pin");
                }
                yield new Pkcs11SigningKeyProvider(new Pkcs11SigningKeyProvider.Settings(
                        hsm.library(),
                        hsm.slot(),
                        hsm.slotListIndex(),
                        hsm.pin().toCharArray(),
                        hsm.aliases()));
            }
            default ->
                KeyStoreSigningKeyProvider.openOrCreate(
                        keys.dir(),
                        keys.password() == null || keys.password().isEmpty()
                                ? null
                                : keys.password().toCharArray());
        };
    }
}
