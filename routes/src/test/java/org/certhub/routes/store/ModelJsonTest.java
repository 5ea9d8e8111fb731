package org.certhub.routes.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.certhub.model.Gender;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    private final ModelJson json = new ModelJson(new ObjectMapper().findAndRegisterModules());

    @Test
    void aRecipientWithoutALanguageIsWrittenAsBeforeSoResentRecordsKeepTheirContentHash() {
        Recipient recipient = recipient(null);

        assertThat(json.write(recipient)).doesNotContain("language").contains("\"nationality\":null");
        assertThat(json.read(json.write(recipient), Recipient.class)).isEqualTo(recipient);
    }

    @Test
    void aRecipientsLanguageIsKept() {
        Recipient recipient = recipient("hi-IN");

        assertThat(json.write(recipient)).contains("\"language\":\"hi-IN\"");
        assertThat(json.read(json.write(recipient), Recipient.class).language()).isEqualTo("hi-IN");
    }

    private static Recipient recipient(String language) {
        return new Recipient(
                new PersonName(List.of("Asha"), "Devi", null),
                null,
                Gender.FEMALE,
                List.of(),
                List.of(),
                null,
                null,
                language);
    }
}
