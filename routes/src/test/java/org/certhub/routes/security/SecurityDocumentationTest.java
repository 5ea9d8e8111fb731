package org.certhub.routes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SECURITY.md shows the access table the hub enforces: the same rows, in the same order. */
class SecurityDocumentationTest {

    private static final Pattern ROW =
            Pattern.compile("^\\| `([^`]+)` \\| `([^`]+)` \\| ([^|]+) \\|$", Pattern.MULTILINE);

    @Test
    void securityMdShowsTheAccessTableTheHubEnforces() throws IOException {
        String doc = Files.readString(Path.of("..", "SECURITY.md"));
        String table =
                doc.substring(doc.indexOf("<!-- access-table:start -->"), doc.indexOf("<!-- access-table:end -->"));
        List<String> documented =
                ROW.matcher(table).results().map(SecurityDocumentationTest::row).toList();
        List<String> enforced = AccessRules.load().stream()
                .map(rule -> rule.method() + " " + rule.path() + " "
                        + String.join(
                                " ",
                                rule.who().stream()
                                        .map(AccessRules.Who::label)
                                        .sorted()
                                        .toList()))
                .toList();
        assertThat(documented).containsExactlyElementsOf(enforced);
    }

    @Test
    void aRowNeedsAMethodAPathAndKnownCallers() {
        assertThat(AccessRules.parse("GET /a admin sender:own").get(0).roles())
                .containsExactlyInAnyOrder(Role.ADMIN, Role.SENDER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccessRules.parse("GET /a"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccessRules.parse("GET /a everybody"))
                .hasMessageContaining("everybody");
    }

    private static String row(java.util.regex.MatchResult match) {
        return match.group(1) + " " + match.group(2) + " "
                + String.join(
                        " ",
                        java.util.Arrays.stream(match.group(3).strip().split("\\s+"))
                                .sorted()
                                .toList());
    }
}
