package org.certhub.signer.hcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UvciTest {

    @Test
    void isDeterministicPerCertificateIdAndChecksummed() {
        String uvci = Uvci.of("IN", "CERTHUB", "123456789");

        assertThat(uvci).matches("URN:UVCI:01:IN:CERTHUB/[A-Z2-7]{26}#[0-9A-Z/:]");
        assertThat(Uvci.of("IN", "CERTHUB", "123456789")).isEqualTo(uvci);
        assertThat(Uvci.of("IN", "CERTHUB", "123456780")).isNotEqualTo(uvci);
        assertThat(Uvci.hasValidCheckCharacter(uvci)).isTrue();
    }

    @Test
    void checkCharacterCatchesASingleChangedCharacter() {
        String uvci = Uvci.of("XX", "CERTHUB", "CERT-0001");
        int position = uvci.indexOf('/') + 3;
        char changed = uvci.charAt(position) == 'A' ? 'B' : 'A';

        assertThat(Uvci.hasValidCheckCharacter(uvci.substring(0, position) + changed + uvci.substring(position + 1))).isFalse();
    }

    @Test
    void luhnModNMatchesAHandComputedValue() {
        // "0A": from the right, A=10 doubled is 20 -> 20; 0 once -> 0; sum 20, check = (38 - 20) % 38 = 18 = 'I'
        assertThat(Uvci.checkCharacter("0A")).isEqualTo('I');
    }

    @Test
    void rejectsMalformedCountriesAndPrefixes() {
        assertThatThrownBy(() -> Uvci.of("India", "CERTHUB", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uvci.of("IN", "cert hub", "1")).isInstanceOf(IllegalArgumentException.class);
    }
}
