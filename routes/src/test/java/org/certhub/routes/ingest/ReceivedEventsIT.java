package org.certhub.routes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.fhirmapping.Submission;
import org.certhub.model.VaccinationEvent;
import org.certhub.routes.HubTestSupport;
import org.certhub.routes.certify.RequeueProperties;
import org.certhub.routes.certify.WaitingEvents;
import org.certhub.routes.security.ApiKeys;
import org.certhub.routes.store.EventStore;
import org.certhub.routes.store.EventStore.Receipt.Kind;
import org.certhub.testsupport.Records;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The records of one request are stored together, and no stored record waits for the re-queue sweep: a record
 * re-posted while its event is still {@code received} (a crash came between storing and queueing) is queued at
 * once, and at start a node that certifies claims the events an earlier run left {@code received}, each for one
 * node only.
 */
class ReceivedEventsIT extends HubTestSupport {

    @Autowired
    private FhirIngestion ingestion;

    @Autowired
    private EventStore events;

    private final Records records = new Records(UUID.randomUUID().toString().substring(0, 8));

    @Test
    void aRecordRepostedWhileItsEventIsStillReceivedIsCertifiedWithoutWaitingForTheSweep() {
        // stored as before a crash that came before the queueing
        String eventId = events.receiveAll(List.of(dose(0))).get(0).eventId();
        assertThat(state(eventId)).isEqualTo("received");

        HttpResponse<String> again = post("/fhir/r4", "application/fhir+json", records.bundle(0), API_KEY);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json(again).path("entries").get(0).path("outcome").asText()).isEqualTo("duplicate");
        assertThat(json(again).path("id").asText()).isEqualTo(eventId);
        // the sweep runs every minute and takes events five minutes old: only the re-post can have queued it
        await().atMost(Duration.ofSeconds(30)).until(() -> !state(eventId).equals("received"));
        assertThat(awaitCertified(eventId)).isNotEmpty();
    }

    @Test
    void eventsLeftReceivedByAnEarlierRunAreClaimedAtStartByOneNodeOnly() {
        String left = events.receiveAll(List.of(dose(1))).get(0).eventId();
        // two nodes started after the event was stored
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(1));
        WaitingEvents first =
                new WaitingEvents(events, later, new RequeueProperties(Duration.ofMinutes(5), Duration.ofMinutes(1)));
        WaitingEvents second =
                new WaitingEvents(events, later, new RequeueProperties(Duration.ofMinutes(5), Duration.ofMinutes(1)));

        assertThat(first.leftByEarlierRun()).contains(left);
        assertThat(second.leftByEarlierRun()).doesNotContain(left);
        // and the periodic sweep leaves it its grace period
        assertThat(first.due()).doesNotContain(left);
    }

    @Test
    void theDosesOfOneRequestAreStoredTogetherAndTellNewChangedAndRepeatedApart() {
        VaccinationEvent a = dose(2);
        VaccinationEvent b = dose(3);
        List<EventStore.Receipt> first = events.receiveAll(List.of(a, b));
        assertThat(first).extracting(EventStore.Receipt::kind).containsExactly(Kind.NEW, Kind.NEW);

        VaccinationEvent bCorrected = dose(3, "holder-corrected@example.org");
        VaccinationEvent c = dose(4);
        List<EventStore.Receipt> second = events.receiveAll(List.of(a, bCorrected, c));

        assertThat(second).extracting(EventStore.Receipt::kind).containsExactly(Kind.DUPLICATE, Kind.CHANGED, Kind.NEW);
        assertThat(second.get(0).eventId()).isEqualTo(first.get(0).eventId());
        assertThat(second.get(0).needsCertification())
                .as("never queued: still received")
                .isTrue();
        assertThat(second.get(1).eventId()).isEqualTo(first.get(1).eventId());
        assertThat(jdbc.queryForObject(
                        "SELECT revision FROM vaccination_event WHERE id = ?",
                        Integer.class,
                        first.get(1).eventId()))
                .isEqualTo(2);
    }

    @Test
    void aRequestNamingOneRecordTwiceStoresItOnce() {
        VaccinationEvent d = dose(5);
        int before = rows("vaccination_event");

        List<EventStore.Receipt> receipts = events.receiveAll(List.of(d, d, dose(6)));

        assertThat(receipts).extracting(EventStore.Receipt::kind).containsExactly(Kind.NEW, Kind.DUPLICATE, Kind.NEW);
        assertThat(receipts.get(1).eventId()).isEqualTo(receipts.get(0).eventId());
        assertThat(rows("vaccination_event")).isEqualTo(before + 2);
    }

    private VaccinationEvent dose(int i) {
        return dose(i, null);
    }

    private VaccinationEvent dose(int i, String otherEmail) {
        String bundle = records.bundle(i);
        if (otherEmail != null) {
            bundle = bundle.replace(records.email(i), otherEmail);
        }
        Submission submission = ingestion.read(bundle, FhirEncoding.JSON, ApiKeys.DEFAULT_SENDER);
        return submission.entries(Submission.Accepted.class).get(0).event();
    }

    private String state(String eventId) {
        return json(get("/api/v1/events/" + eventId)).path("state").asText();
    }
}
