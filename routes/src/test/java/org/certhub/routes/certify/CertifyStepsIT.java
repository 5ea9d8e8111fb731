package org.certhub.routes.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.certhub.connectors.payment.spi.PaymentUnavailableException;
import org.certhub.routes.HubTestSupport;
import org.certhub.routes.config.CircuitOpenException;
import org.certhub.testsupport.Records;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The certify route's steps in the running hub, woven (AdviceWith) to watch them: no database transaction is open
 * when a step starts, an open circuit before {@code check-funding} holds a message past the stage's retry budget
 * without dead-lettering it, and a dose coded with a vaccine type is issued in the formats that can carry it.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CertifyStepsIT extends HubTestSupport {

    private static final List<String> STEPS = List.of("verify-identity", "check-funding", "sign", "store");
    private static final Map<String, Boolean> TRANSACTION_OPEN = new ConcurrentHashMap<>();
    /** The record whose funding call finds the payer's circuit open, and how many more times it does. */
    private static final Map<String, AtomicInteger> OPEN_CIRCUIT_FOR = new ConcurrentHashMap<>();

    private static boolean woven;

    private final String run = "steps-" + System.nanoTime();
    private final Records records = new Records(run);

    @Autowired
    private CamelContext camel;

    @BeforeEach
    void weaveTheSteps() throws Exception {
        if (woven) {
            return;
        }
        AdviceWith.adviceWith(camel, "certify-event", route -> {
            for (String step : STEPS) {
                route.weaveById(step)
                        .before()
                        .process(exchange -> TRANSACTION_OPEN.merge(
                                step,
                                TransactionSynchronizationManager.isActualTransactionActive(),
                                Boolean::logicalOr));
            }
            route.weaveById("check-funding").before().process(exchange -> {
                String recordId = exchange.getIn()
                        .getBody(Certification.class)
                        .event()
                        .event()
                        .sourceRecordId();
                AtomicInteger refusals = OPEN_CIRCUIT_FOR.entrySet().stream()
                        .filter(e -> recordId.endsWith(e.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
                if (refusals != null && refusals.getAndDecrement() > 0) {
                    throw new PaymentUnavailableException(
                            "funding unavailable", new CircuitOpenException("funding", null));
                }
            });
        });
        woven = true;
    }

    @Test
    void aDoseCodedWithAVaccineTypeIsIssuedAsW3cVcAndShcWithTheEuDccSkippedAndDelivered() {
        String typeOnly =
                records.bundle(1).replaceAll(",\\s*\\{ \"system\": \"http://hl7.org/fhir/sid/cvx\"[^}]*}", "");
        assertThat(typeOnly).doesNotContain("sid/cvx").contains("1119349007");

        HttpResponse<String> accepted = post("/fhir/r4", "application/fhir+json", typeOnly, API_KEY);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String eventId = json(accepted).get("id").asText();
        JsonNode event = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> json(get("/api/v1/events/" + eventId)),
                        e -> e.get("state").asText().equals("delivered"));

        assertThat(event.get("reason").asText()).isEqualTo("skipped: eu-dcc (no-medicinal-product)");
        JsonNode credentials = json(get(
                        "/api/v1/certificates/" + event.get("certificateId").asText()))
                .get("credentials");
        assertThat(credentials.get("eu-dcc").get("skipped").asText()).isEqualTo("no-medicinal-product");
        assertThat(credentials.get("eu-dcc").has("qr")).isFalse();
        for (String format : List.of("w3c-vc", "shc")) {
            JsonNode verdict = json(post(
                    "/api/v1/verify",
                    "text/plain",
                    credentials.get(format).get("qr").asText(),
                    null));
            assertThat(verdict.get("valid").asBoolean()).as(format).isTrue();
        }
        assertThat(List.of(MAIL.getReceivedMessages()))
                .anySatisfy(mail ->
                        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(records.email(1)));
        assertThat(TRANSACTION_OPEN).containsOnlyKeys(STEPS).doesNotContainValue(true);
    }

    @Test
    void anOpenCircuitHoldsTheMessagePastTheRetryBudgetAndItIsDeliveredOnceTheCircuitLetsItThrough() {
        String recordId = "IMM-" + run + "-2";
        // the hub's tests allow 3 redeliveries: an open circuit counted like a failure would dead-letter the event
        AtomicInteger refusals = new AtomicInteger(6);
        OPEN_CIRCUIT_FOR.put(recordId, refusals);

        String eventId = json(post("/fhir/r4", "application/fhir+json", records.bundle(2), API_KEY))
                .get("id")
                .asText();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> json(get("/api/v1/events/" + eventId)).get("state").asText(), "delivered"::equals);
        assertThat(refusals.get()).isNegative();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM certificate WHERE event_id = ?", Integer.class, eventId))
                .isEqualTo(1);
    }
}
