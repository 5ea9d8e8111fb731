package org.certhub.routes.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certhub.routes.store.SkippedFormat;
import org.certhub.signer.SkipReason;
import org.certhub.signer.UnsupportedRecordException;
import org.junit.jupiter.api.Test;

class FormatPlanTest {

    private static final List<String> FORMATS = List.of("w3c-vc", "eu-dcc", "shc");
    private static final UnsupportedRecordException NO_PRODUCT = new UnsupportedRecordException(
            SkipReason.NO_MEDICINAL_PRODUCT, "EU DCC needs the medicinal product (mp) code");

    private static FormatPlan plan(List<String> required, Map<String, UnsupportedRecordException> unsupported) {
        return FormatPlan.of(FORMATS, required, format -> Optional.ofNullable(unsupported.get(format)));
    }

    @Test
    void aFormatTheRecordCannotCarryIsSkippedAndTheOthersSignedInOrder() {
        FormatPlan plan = plan(List.of(), Map.of("eu-dcc", NO_PRODUCT));

        assertThat(plan.issuable()).isTrue();
        assertThat(plan.refusal()).isEmpty();
        assertThat(plan.toSign()).containsExactly("w3c-vc", "shc");
        assertThat(plan.skipped())
                .containsExactly(new SkippedFormat(
                        "eu-dcc", SkipReason.NO_MEDICINAL_PRODUCT, "EU DCC needs the medicinal product (mp) code"));
        assertThat(SkippedFormat.note(plan.skipped())).isEqualTo("skipped: eu-dcc (no-medicinal-product)");
    }

    @Test
    void everyFormatCarryingTheRecordSkipsNothing() {
        FormatPlan plan = plan(List.of("eu-dcc"), Map.of());

        assertThat(plan.toSign()).containsExactlyElementsOf(FORMATS);
        assertThat(plan.skipped()).isEmpty();
        assertThat(SkippedFormat.note(plan.skipped())).isNull();
    }

    @Test
    void noFormatCarryingTheRecordIsARefusalNamingWhatItLacks() {
        UnsupportedRecordException noName = new UnsupportedRecordException(SkipReason.NO_LATIN_NAME, "no name");
        FormatPlan plan = FormatPlan.of(
                List.of("eu-dcc", "shc"),
                List.of(),
                format -> Optional.of(format.equals("eu-dcc") ? NO_PRODUCT : noName));

        assertThat(plan.issuable()).isFalse();
        assertThat(plan.refusal())
                .hasValue("no configured credential format can carry this record: "
                        + "eu-dcc needs Immunization.vaccineCode as a medicinal product code (no-medicinal-product); "
                        + "shc needs Patient.name in Latin letters (no-latin-name)");
    }

    @Test
    void aRequiredFormatTheRecordCannotCarryIsARefusalThoughOthersCould() {
        FormatPlan plan = plan(List.of("eu-dcc"), Map.of("eu-dcc", NO_PRODUCT));

        assertThat(plan.toSign()).containsExactly("w3c-vc", "shc");
        assertThat(plan.issuable()).isFalse();
        assertThat(plan.refusal())
                .hasValue("a credential format the programme requires cannot carry this record: "
                        + "eu-dcc needs Immunization.vaccineCode as a medicinal product code (no-medicinal-product)");
    }
}
