package org.certhub.routes.divoc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;
import org.certhub.connectors.distribution.print.Csv;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.routes.ingest.IngestReceipt;
import org.springframework.stereotype.Service;

/**
 * DIVOC's bulk certify: a CSV file of vaccinations (DIVOC's columns, header row first), each row a certify request
 * validated, stored and queued on its own, so that one bad row fails only itself. The outcome of every row is
 * given back as a result CSV ({@code row}, {@code status} accepted, ignored or rejected, {@code eventId},
 * {@code error}), as DIVOC's upload report did.
 */
@Service
public class DivocBulkCertify {

    /** The result CSV's header. */
    public static final List<String> RESULT_COLUMNS = List.of("row", "status", "eventId", "error");

    private final DivocService divoc;
    private final ProducerTemplate producer;
    private final ObjectMapper json;

    public DivocBulkCertify(DivocService divoc, ProducerTemplate producer, ObjectMapper json) {
        this.divoc = divoc;
        this.producer = producer;
        this.json = json;
    }

    /** One data row's outcome; {@code row} counts data rows from 1. */
    public record RowOutcome(int row, String status, String eventId, String error) {}

    /** Every data row's outcome, in file order. */
    public record Result(List<RowOutcome> rows) {

        public Result {
            rows = List.copyOf(rows);
        }

        public long errorRows() {
            return rows.stream().filter(row -> "rejected".equals(row.status())).count();
        }

        /** The result CSV. */
        public String csv() {
            StringBuilder csv = new StringBuilder(Csv.row(RESULT_COLUMNS));
            rows.forEach(row -> csv.append(Csv.row(List.of(
                    Integer.toString(row.row()),
                    row.status(),
                    row.eventId() == null ? "" : row.eventId(),
                    row.error() == null ? "" : row.error()))));
            return csv.toString();
        }
    }

    /**
     * @param source the sending system
     * @throws IllegalArgumentException when the file has no header row
     */
    public Result certify(String csv, String source) {
        List<List<String>> records = Csv.parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("the CSV has no header row");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<RowOutcome> outcomes = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            outcomes.add(certifyRow(i, row(header, cells), source));
        }
        return new Result(outcomes);
    }

    private RowOutcome certifyRow(int number, Map<String, String> row, String source) {
        try {
            ObjectNode request = DivocCsvRequest.of(row, fallbackCode(row), json);
            IngestReceipt receipt =
                    divoc.certify(json.createArrayNode().add(request).toString(), source);
            receipt.toCertify().forEach(eventId -> producer.sendBody("direct:queue-for-certification", eventId));
            JsonNode answer = json.readTree(String.valueOf(receipt.answer().body()));
            JsonNode eventIds = answer.path("eventIds");
            return eventIds.isEmpty()
                    ? new RowOutcome(number, "ignored", null, "the programme issues no certificates")
                    : new RowOutcome(number, "accepted", eventIds.get(0).asText(), null);
        } catch (FhirInputException e) {
            return new RowOutcome(
                    number,
                    "rejected",
                    null,
                    e.problems().stream()
                            .map(problem -> problem.expression() + ": " + problem.diagnostics())
                            .collect(Collectors.joining("; ")));
        } catch (IllegalArgumentException e) {
            return new RowOutcome(number, "rejected", null, e.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the certify answer", e);
        }
    }

    private static Map<String, String> row(List<String> header, List<String> cells) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < cells.size(); i++) {
            row.put(header.get(i), cells.get(i));
        }
        return row;
    }

    /** A row naming no pre-enrolment code gets one from its content: the same row sent again is the same dose. */
    private static String fallbackCode(Map<String, String> row) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(row.toString().getBytes(StandardCharsets.UTF_8));
            return "csv-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
