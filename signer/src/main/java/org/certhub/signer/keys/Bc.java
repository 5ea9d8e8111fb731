package org.certhub.signer.keys;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance the signer uses. It is passed explicitly to the JCA, never
 * registered globally, so the application's provider order stays as the operator configured it.
 */
public final class Bc {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {}
}
