package org.certhub.connectors.distribution.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CertificateDistributor} must do, whatever its protocol: apply only to recipients it can
 * reach, take a delivery in once however often it is called with the same delivery id, and tell failures a
 * retry can fix from those it cannot. A channel's test extends this and drives its receiver.
 */
public abstract class CertificateDistributorContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    protected abstract CertificateDistributor distributor();

    /** A request the channel can deliver: by default a recipient with every contact, facility and programme. */
    protected DeliveryRequest deliverable(String deliveryId, String certificateId) {
        return TestRequests.reachable(deliveryId, certificateId);
    }

    /** A request the channel cannot deliver: by default a recipient with no contact, facility, programme or name. */
    protected DeliveryRequest undeliverable(String deliveryId, String certificateId) {
        return TestRequests.unreachable(deliveryId, certificateId);
    }

    /** How many times the receiving side took the delivery in. */
    protected abstract int timesAccepted(String deliveryId);

    /** From now on the receiver fails in a way a retry can overcome. */
    protected abstract void receiverFailsTransiently();

    /** From now on the receiver refuses for good. */
    protected abstract void receiverRejects();

    /** From now on the receiver accepts. */
    protected abstract void receiverAccepts();

    private static String nextId(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    @Test
    void hasALowerCaseChannelName() {
        assertThat(distributor().channel()).matches("[a-z][a-z0-9-]*");
    }

    @Test
    void appliesToARecipientItCanReach() {
        assertThat(distributor().appliesTo(deliverable(nextId("d"), nextId("C"))))
                .isTrue();
    }

    @Test
    void doesNotApplyToARecipientWithoutTheContact() {
        assertThat(distributor().appliesTo(undeliverable(nextId("d"), nextId("C"))))
                .isFalse();
    }

    @Test
    void takesADeliveryInOnceHoweverOftenItIsCalled() {
        receiverAccepts();
        String deliveryId = nextId("d");
        DeliveryRequest request = deliverable(deliveryId, nextId("C"));

        distributor().deliver(request);
        distributor().deliver(request);
        distributor().deliver(request);

        assertThat(timesAccepted(deliveryId)).isEqualTo(1);
    }

    @Test
    void aTransientFailureIsRetryableAndTheRetryDeliversOnce() {
        String deliveryId = nextId("d");
        DeliveryRequest request = deliverable(deliveryId, nextId("C"));
        receiverFailsTransiently();

        assertThatThrownBy(() -> distributor().deliver(request)).isInstanceOf(TransientDeliveryException.class);
        assertThat(timesAccepted(deliveryId)).isZero();

        receiverAccepts();
        distributor().deliver(request);
        distributor().deliver(request);
        assertThat(timesAccepted(deliveryId)).isEqualTo(1);
    }

    @Test
    void aRefusalIsPermanent() {
        String deliveryId = nextId("d");
        receiverRejects();

        assertThatThrownBy(() -> distributor().deliver(deliverable(deliveryId, nextId("C"))))
                .isInstanceOf(PermanentDeliveryException.class);
        assertThat(timesAccepted(deliveryId)).isZero();
    }

    @Test
    void aDeliveryIdThatIsNoPlainTokenIsPermanent() {
        receiverAccepts();
        assertThatThrownBy(() -> distributor().deliver(deliverable("../x\r\nX-Injected: 1", nextId("C"))))
                .isInstanceOf(PermanentDeliveryException.class);
    }
}
