package org.certhub.connectors.id.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JaroWinklerTest {

    @Test
    void matchesWinklersPublishedExamples() {
        assertThat(JaroWinkler.similarity("MARTHA", "MARHTA")).isCloseTo(0.961, within(0.001));
        assertThat(JaroWinkler.similarity("DWAYNE", "DUANE")).isCloseTo(0.840, within(0.001));
        assertThat(JaroWinkler.similarity("DIXON", "DICKSONX")).isCloseTo(0.813, within(0.001));
        assertThat(JaroWinkler.jaro("MARTHA", "MARHTA")).isCloseTo(0.944, within(0.001));
    }

    @Test
    void isOneForEqualAndZeroForDisjointOrEmptyStrings() {
        assertThat(JaroWinkler.similarity("ruiz", "ruiz")).isEqualTo(1.0);
        assertThat(JaroWinkler.similarity("abc", "xyz")).isEqualTo(0.0);
        assertThat(JaroWinkler.similarity("", "abc")).isEqualTo(0.0);
        assertThat(JaroWinkler.similarity("", "")).isEqualTo(1.0);
    }

    @Test
    void isSymmetric() {
        assertThat(JaroWinkler.similarity("jose na ruiz", "jose na ruis"))
                .isEqualTo(JaroWinkler.similarity("jose na ruis", "jose na ruiz"));
    }
}
