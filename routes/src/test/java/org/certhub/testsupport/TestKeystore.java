package org.certhub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;

/**
 * A signing keystore made by the test before the hub starts, as an operator provides one in the scale-out mode
 * (where the hub never makes keys): a fresh folder holding {@code certhub-keys.p12} and its password file.
 */
public final class TestKeystore {

    private TestKeystore() {}

    /** The folder to give the hub as {@code certhub.keys.dir}. */
    public static Path create() {
        try {
            Path dir = Files.createTempDirectory("certhub-test-keys-").resolve("keys");
            KeyStoreSigningKeyProvider.openOrCreate(dir, null);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
