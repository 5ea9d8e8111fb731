package org.certhub.connectors.id.none;

import java.util.Objects;
import org.certhub.connectors.id.spi.IdVerification;
import org.certhub.connectors.id.spi.IdVerificationRequest;
import org.certhub.connectors.id.spi.IdVerifier;

/**
 * For programmes that certify without an ID check ({@code certhub.connectors.id.provider=none}): every event
 * passes with {@link IdVerification.Outcome#NOT_REQUIRED}, which the hub records on the event.
 */
public final class NoIdVerifier implements IdVerifier {

    public static final String NAME = "none";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public IdVerification verify(IdVerificationRequest request) {
        Objects.requireNonNull(request, "request");
        return IdVerification.notRequired(NAME);
    }
}
