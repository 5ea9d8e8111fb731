package org.certhub.routes.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageTimingsTest {

    @Test
    void eachStageRouteIsTimedUnderItsStageAndOtherRoutesAreNot() {
        assertThat(StageTimings.stageOf("ingest-fhir")).hasValue("ingest");
        assertThat(StageTimings.stageOf("ingest-kafka")).hasValue("ingest");
        assertThat(StageTimings.stageOf("divoc-certify-v3")).hasValue("ingest");
        assertThat(StageTimings.stageOf("certify-event")).hasValue("certify");
        assertThat(StageTimings.stageOf("distribute-certificate")).hasValue("distribute");
        assertThat(StageTimings.stageOf("deliver-email")).hasValue("deliver");
        assertThat(StageTimings.stageOf("queue-for-certification")).isEmpty();
        assertThat(StageTimings.stageOf("requeue-waiting-events")).isEmpty();
    }
}
