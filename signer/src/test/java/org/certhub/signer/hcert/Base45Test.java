package org.certhub.signer.hcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base45Test {

    @Test
    void encodesTheRfc9285Examples() {
        assertThat(Base45.encode("AB".getBytes(StandardCharsets.US_ASCII))).isEqualTo("BB8");
        assertThat(Base45.encode("Hello!!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("%69 VD92EX0");
        assertThat(Base45.encode("base-45".getBytes(StandardCharsets.US_ASCII))).isEqualTo("UJCLQE7W581");
        assertThat(new String(Base45.decode("QED8WEX0"), StandardCharsets.US_ASCII))
                .isEqualTo("ietf!");
    }

    @Test
    void roundTripsArbitraryBytes() {
        Random random = new Random(45);
        for (int length = 0; length < 64; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertThat(Base45.decode(Base45.encode(data))).isEqualTo(data);
        }
    }

    @Test
    void rejectsOverflowingGroupsForeignCharactersAndDanglingCharacters() {
        assertThatThrownBy(() -> Base45.decode("GGW")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode("ab8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode("BB8A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode(":;")).isInstanceOf(IllegalArgumentException.class);
    }
}
