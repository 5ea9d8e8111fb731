package org.certhub.signer.hcert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.VerificationResult.Reasons;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The EU validation rules the verifier applies beyond the signature: each statement's validity window at the
 * verification time, the document signer's key usage per statement type, and a verdict (never an exception)
 * for payloads of any shape. Payloads are signed here with a generated DSC.
 */
class EuDccValidationRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant IAT = Instant.parse("2025-03-01T00:00:00Z");
    private static final Instant EXP = Instant.parse("2026-03-01T00:00:00Z");
    private static final String NAME = "\"nam\":{\"fnt\":\"MUSTER\"},\"dob\":\"1980-01-01\",\"ver\":\"1.3.0\"";
    private static final String RECOVERY = "{" + NAME + ",\"r\":[{\"tg\":\"840539006\",\"fr\":\"2025-03-20\","
            + "\"co\":\"XX\",\"is\":\"XX\",\"df\":\"2025-04-01\",\"du\":\"2025-09-30\",\"ci\":\"URN:UVCI:01:XX:1\"}]}";
    private static final String TEST = "{" + NAME + ",\"t\":[{\"tg\":\"840539006\",\"tt\":\"LP217198-3\","
            + "\"sc\":\"2025-04-01T10:00:00+02:00\",\"tr\":\"260415000\",\"co\":\"XX\",\"is\":\"XX\",\"ci\":\"URN:UVCI:01:XX:2\"}]}";
    private static final String VACCINATION = "{" + NAME + ",\"v\":[{\"tg\":\"840539006\",\"vp\":\"1119349007\","
            + "\"mp\":\"EU/1/20/1528\",\"ma\":\"ORG-100030215\",\"dn\":1,\"sd\":2,\"dt\":\"2025-04-01\",\"co\":\"XX\","
            + "\"is\":\"XX\",\"ci\":\"URN:UVCI:01:XX:3\"}]}";

    private static KeyPair keys;

    @BeforeAll
    static void generateKeys() throws Exception {
        keys = Dscs.p256();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "recovery, 2025-03-31T23:59:59Z, not-yet-valid",
        "recovery, 2025-04-01T00:00:00Z, ",
        "recovery, 2025-09-30T23:59:59Z, ",
        "recovery, 2025-10-01T00:00:00Z, expired",
        "test, 2025-04-01T07:59:59Z, not-yet-valid",
        "test, 2025-04-01T08:00:00Z, ",
        "vaccination, 2025-03-31T23:59:59Z, not-yet-valid",
        "vaccination, 2025-04-01T00:00:00Z, "
    })
    void eachStatementIsValidOnlyInItsOwnWindow(String statement, Instant at, String reason) throws Exception {
        String dcc = switch (statement) {
            case "recovery" -> RECOVERY;
            case "test" -> TEST;
            default -> VACCINATION;
        };

        VerificationResult result = verify(dcc, Dscs.certificate(keys), at);

        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.valid()).isEqualTo(reason == null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // the OIDs of the HCERT specification (section 5.1.1) and the variants with ".0." some issuers used
        "1.3.6.1.4.1.1847.2021.1.1, test",
        "1.3.6.1.4.1.0.1847.2021.1.1, test",
        "1.3.6.1.4.1.1847.2021.1.2, vaccination",
        "1.3.6.1.4.1.0.1847.2021.1.2, vaccination",
        "1.3.6.1.4.1.1847.2021.1.3, recovery",
        "1.3.6.1.4.1.0.1847.2021.1.3, recovery"
    })
    void aKeyUsageOidAuthorisesItsStatementTypeOnly(String oid, String authorised) throws Exception {
        X509Certificate dsc = Dscs.certificate(keys, oid);
        Instant at = Instant.parse("2025-05-01T00:00:00Z");

        assertThat(verify(RECOVERY, dsc, at).reason())
                .isEqualTo(authorised.equals("recovery") ? null : Reasons.KEY_USAGE);
        assertThat(verify(TEST, dsc, at).reason()).isEqualTo(authorised.equals("test") ? null : Reasons.KEY_USAGE);
        assertThat(verify(VACCINATION, dsc, at).reason())
                .isEqualTo(authorised.equals("vaccination") ? null : Reasons.KEY_USAGE);
    }

    @Test
    void aDscWithoutEuKeyUsageSignsEveryType() throws Exception {
        X509Certificate noUsage = Dscs.certificate(keys);
        X509Certificate otherUsageOnly = Dscs.certificate(keys, "1.3.6.1.5.5.7.3.4");
        Instant at = Instant.parse("2025-05-01T00:00:00Z");

        for (String dcc : new String[] {RECOVERY, TEST, VACCINATION}) {
            assertThat(verify(dcc, noUsage, at).valid()).isTrue();
            assertThat(verify(dcc, otherUsageOnly, at).valid()).isTrue();
        }
    }

    @Test
    void aNullOrEmptyGroupBesideTheStatementIsIgnored() throws Exception {
        X509Certificate testsOnly = Dscs.certificate(keys, "1.3.6.1.4.1.1847.2021.1.1");
        String withNulls = TEST.replace("\"t\":", "\"r\":null,\"v\":[],\"t\":");

        VerificationResult result = verify(withNulls, testsOnly, Instant.parse("2025-05-01T00:00:00Z"));

        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.subject()).containsOnlyKeys("nam", "dob", "v", "t");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"r\":null}",
                "{}",
                "{\"v\":null,\"t\":null,\"r\":null}",
                "{\"r\":[null]}",
                "{\"r\":[1]}",
                "{\"r\":{}}",
                "{\"r\":[{}]}",
                "{\"r\":[{\"df\":5,\"du\":\"x\"}]}",
                "{\"r\":[{\"df\":\"2025-13-01\",\"du\":\"2025-12-01\"}]}",
                "{\"t\":[{\"sc\":\"yesterday\"}]}",
                "{\"t\":[{\"sc\":\"2025-04-01T25:00:00Z\"}]}",
                "{\"v\":[{\"dt\":null}]}",
                "{\"v\":[],\"t\":[]}",
                "{\"nam\":null,\"dob\":null}",
                "{\"v\":[{\"dt\":\"2025-04-01\"}],\"r\":[{\"df\":\"2025-04-01\",\"du\":\"2025-04-02\"}]}"
            })
    void anyPayloadShapeGetsAVerdictNotAnException(String dcc) throws Exception {
        VerificationResult result = verify(dcc, Dscs.certificate(keys), Instant.parse("2025-05-01T00:00:00Z"));

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(Reasons.MALFORMED);
    }

    private static VerificationResult verify(String dcc, X509Certificate dsc, Instant at) throws Exception {
        Dscs.Fixed signer = new Dscs.Fixed(Dscs.signingKey(keys, dsc, null));
        JsonNode payload = JSON.readTree(dcc);
        byte[] cwt = new HcertPayload("XX", IAT, EXP, payload).encode();
        byte[] protectedHeader = CoseSign1.protectedHeader(CoseAlgorithm.ES256, DocumentSigners.kid(dsc));
        byte[] signature =
                CoseAlgorithm.ES256.sign(keys.getPrivate(), null, CoseSign1.toBeSigned(protectedHeader, cwt));
        return new EuDccVerifier(signer)
                .verify(HcertCodec.encode(CoseSign1.encode(protectedHeader, cwt, signature)), at);
    }
}
