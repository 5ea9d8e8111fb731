package org.certhub.signer.hcert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Icao9303Test {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "d'Červenková Panklová | DCERVENKOVA<PANKLOVA",
                "Jiřina-Maria Alena    | JIRINA<MARIA<ALENA",
                "Müller                | MUELLER",
                "Øster Ågård           | OESTER<AAGAARD",
                "Straße                | STRASSE",
                "Łukasz Żółć           | LUKASZ<ZOLC",
                "François  O'Brien     | FRANCOIS<OBRIEN",
                "Ramanathan            | RAMANATHAN",
                "İnci Işık             | INCI<ISIK"
            })
    void writesTheMachineReadableForm(String name, String expected) {
        assertThat(Icao9303.transliterate(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"प्रिया", "''"})
    void leavesNothingOfNonLatinScripts(String name) {
        assertThat(Icao9303.transliterate(name)).isEmpty();
    }
}
