package org.certhub.signer.keys;

import java.nio.file.Path;

/**
 * Makes a keystore of development keys in a folder ({@code certhub-keys.p12} and its owner-only password file),
 * for trying the scale-out mode, where the hub never makes keys itself:
 * {@code java -cp bench/target/certhub-bench.jar org.certhub.signer.keys.DevelopmentKeystore <folder>}. The keys are
 * marked as development keys wherever they are published; real certificates need the issuer's own keys.
 */
public final class DevelopmentKeystore {

    private DevelopmentKeystore() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: DevelopmentKeystore <keys folder>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        KeyStoreSigningKeyProvider.openOrCreate(dir, null);
        System.out.println("development keystore ready in " + dir.toAbsolutePath());
    }
}
