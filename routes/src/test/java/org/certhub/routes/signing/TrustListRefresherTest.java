package org.certhub.routes.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.certhub.routes.config.TrustListProperties;
import org.certhub.signer.trust.EuDscList;
import org.certhub.signer.trust.TrustListDownloads;
import org.junit.jupiter.api.Test;

class TrustListRefresherTest {

    @Test
    void aListOverTheSizeCapIsRefusedAfterReadingOneByteMoreThanTheCap() {
        TrustListRefresher refresher = new TrustListRefresher(
                new TrustListDownloads(new EuDscList.Anchors(List.of(), List.of())),
                new TrustListProperties(Duration.ofHours(6), List.of(), 100, null, null));
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return ' ';
            }
        };

        assertThatThrownBy(() ->
                        refresher.refresh("https://trust.example/dsc", TrustListDownloads.Format.EU_DSC, null, endless))
                .hasMessageContaining("larger than certhub.trust.max-bytes (100)");
        assertThat(read.get()).isEqualTo(101);
    }

    @Test
    void aListWithinTheCapIsAccepted() throws Exception {
        TrustListRefresher refresher = new TrustListRefresher(
                new TrustListDownloads(new EuDscList.Anchors(List.of(), List.of())),
                new TrustListProperties(Duration.ofHours(6), List.of(), 100, null, null));

        assertThat(refresher.refresh(
                        "https://trust.example/dsc",
                        TrustListDownloads.Format.EU_DSC,
                        null,
                        new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8))))
                .isZero();
    }
}
