package org.certhub.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertificateViewTest {

    private final Messages messages = new Messages(ConfigSource.directory(CertificateFixtures.CONFIG));

    @Test
    void aNameTypedWithCombiningMarksIsShownWithPrecomposedLetters() {
        // "Łucja Nguyễn" as a system might send it: base letters followed by combining marks
        String decomposed = "Łucja Nguye\u0302\u0303n";
        Map<String, Object> model =
                CertificateView.of(CertificateFixtures.certificate(decomposed, "covid-19"), messages, Locale.ENGLISH);

        @SuppressWarnings("unchecked")
        Map<String, Object> holder = (Map<String, Object>) model.get("holder");
        assertThat((String) holder.get("name")).contains("Nguyễn").doesNotContain("\u0302");
    }
}
