package org.certhub.connectors.id.none;

import static org.assertj.core.api.Assertions.assertThat;

import org.certhub.connectors.id.spi.IdVerification.Outcome;
import org.certhub.connectors.id.spi.IdVerifier;
import org.certhub.connectors.id.spi.IdVerifierContract;
import org.junit.jupiter.api.Test;

class NoIdVerifierTest extends IdVerifierContract {

    @Override
    protected IdVerifier verifier() {
        return new NoIdVerifier();
    }

    @Test
    void recordsThatNoCheckWasMade() {
        var verification = verifier().verify(ACCEPTED);

        assertThat(verification.outcome()).isEqualTo(Outcome.NOT_REQUIRED);
        assertThat(verification.verifier()).isEqualTo("none");
        assertThat(verification.demographics()).isNull();
    }
}
