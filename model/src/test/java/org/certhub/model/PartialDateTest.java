package org.certhub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartialDateTest {

    @Test
    void acceptsYearMonthAndDayPrecision() {
        assertThat(new PartialDate("1964").year()).isEqualTo(1964);
        assertThat(new PartialDate("1964-08").isComplete()).isFalse();
        assertThat(new PartialDate("1964-08-12").isComplete()).isTrue();
    }

    @Test
    void rejectsImpossibleOrMalformedDates() {
        assertThatThrownBy(() -> new PartialDate("2021-02-30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartialDate("1964-13")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartialDate("64-08-12")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fullNamePrefersTheSendersTextThenGivenBeforeFamily() {
        assertThat(new PersonName(java.util.List.of("Ana", "Maria"), "Silva", null).fullName())
                .isEqualTo("Ana Maria Silva");
        assertThat(new PersonName(java.util.List.of("Ana"), "Silva", "Dr Ana Silva").fullName())
                .isEqualTo("Dr Ana Silva");
    }
}
