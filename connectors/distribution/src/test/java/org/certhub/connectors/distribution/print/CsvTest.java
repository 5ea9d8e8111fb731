package org.certhub.connectors.distribution.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesWhatRfc4180RequiresAndParsesItBack() {
        List<String> cells = List.of("plain", "a,b", "say \"hi\"", "two\r\nlines", " padded ", "");

        String row = Csv.row(cells);

        assertThat(row).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\" padded \",\r\n");
        assertThat(Csv.parse(row)).containsExactly(cells);
    }

    @Test
    void cellsThatASpreadsheetWouldEvaluateBecomeText() {
        assertThat(Csv.row(List.of("=1+1", "+1", "-1", "@A1", "\tx", "a=b")))
                .isEqualTo("'=1+1,'+1,'-1,'@A1,'\tx,a=b\r\n");
    }

    @Test
    void fileNamesFromIdsAreSafeAndDistinct() {
        assertThat(SafeFileNames.of("CERT-1.v2")).isEqualTo("CERT-1.v2");
        assertThat(SafeFileNames.of("a/b")).startsWith("a_b-").isNotEqualTo(SafeFileNames.of("a_b"));
        assertThat(SafeFileNames.of("..")).doesNotStartWith(".").matches("[A-Za-z0-9._-]+");
        assertThat(SafeFileNames.of("x".repeat(300))).hasSizeLessThanOrEqualTo(64 + 13);
    }
}
