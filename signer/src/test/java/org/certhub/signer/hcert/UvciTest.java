package org.certhub.signer.hcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UvciTest {

    @Test
    void isDeterministicPerCertificateIdAndChecksummed() {
        String uvci = Uvci.of("IN", "CERTHUB", "123456789");

        assertThat(uvci).matches("URN:UVCI:01:IN:CERTHUB/[A-Z2-7]{26}#[A-Z0-9/:]");
        assertThat(Uvci.of("IN", "CERTHUB", "123456789")).isEqualTo(uvci);
        assertThat(Uvci.of("IN", "CERTHUB", "123456780")).isNotEqualTo(uvci);
        assertThat(Uvci.hasValidCheckCharacter(uvci)).isTrue();
    }

    @Test
    void checkCharacterCatchesASingleChangedCharacter() {
        String uvci = Uvci.of("XX", "CERTHUB", "CERT-0001");
        int position = uvci.indexOf('/') + 3;
        char changed = uvci.charAt(position) == 'A' ? 'B' : 'A';

        assertThat(Uvci.hasValidCheckCharacter(uvci.substring(0, position) + changed + uvci.substring(position + 1)))
                .isFalse();
    }

    @Test
    void checkCharacterIsTheEhnReferences() {
        // ehn-dcc-development/eu-dcc-schema, examples/Luhn-Mod-N/usage.py runs the reference on this UVCI and
        // gives 'Z'; ehn-dcc-development/hcert-dotnet's UtilEncoderTests.LuahModN_TEST asserts the same
        assertThat(Uvci.checkCharacter("URN:UVCI:01:NL:187/37512422923")).isEqualTo('Z');
        assertThat(Uvci.hasValidCheckCharacter("URN:UVCI:01:NL:187/37512422923#Z"))
                .isTrue();
        // check-summed UVCIs of the EU's common test vectors (dgc-testdata common/2DCode/raw/CO1.json, DGC2.json)
        assertThat(Uvci.hasValidCheckCharacter("URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B"))
                .isTrue();
        assertThat(Uvci.hasValidCheckCharacter("URN:UVCI:01:AT:858CC18CFCF5965EF82F60E493349AA5#K"))
                .isTrue();
    }

    @Test
    void luhnModNMatchesAHandComputedValue() {
        // "A0" over A-Z0-9/: (N = 38): from the right, '0' = 26 doubled is 52 -> 1 + 14 = 15; 'A' = 0 once;
        // sum 15, check = (38 - 15) % 38 = 23 = 'X'
        assertThat(Uvci.checkCharacter("A0")).isEqualTo('X');
    }

    @Test
    void rejectsMalformedCountriesAndPrefixes() {
        assertThatThrownBy(() -> Uvci.of("India", "CERTHUB", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uvci.of("IN", "cert hub", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRevocationHashIsTheFirst128BitsOfTheUvcisSha256() {
        // computed with Python's hashlib: base64(sha256(uvci)[:16])
        assertThat(Uvci.revocationHash("URN:UVCI:01:NL:187/37512422923#Z")).isEqualTo("/EfuQ/cB6R7OAv36WQbZcA==");
    }
}
