package org.certhub.routes.divoc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.fhirmapping.Problem;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.security.TrustedHeaders;
import org.springframework.stereotype.Service;

/**
 * DIVOC's bulk certify API: {@code POST /divoc/api/v1/bulkCertify} (multipart field {@code file}, a CSV of DIVOC's
 * columns) certifies row by row and records the upload; {@code GET /divoc/api/v1/certify/uploads} lists the sender's
 * uploads and {@code /uploads/{id}/errors} the rejected rows of one.
 */
@Service
public class DivocBulkUploads {

    private static final int LISTED = 100;

    private final DivocBulkCertify bulk;
    private final DivocUploads uploads;
    private final ObjectMapper json;

    public DivocBulkUploads(DivocBulkCertify bulk, DivocUploads uploads, ObjectMapper json) {
        this.bulk = bulk;
        this.uploads = uploads;
        this.json = json;
    }

    public HttpAnswer bulkCertify(
            @Body String csv,
            @Header(Exchange.FILE_NAME) String fileName,
            @Header(TrustedHeaders.SOURCE_HEADER) String source) {
        if (csv == null || csv.isBlank()) {
            throw new FhirInputException(
                    400, List.of(Problem.error("required", "the multipart field file holds no CSV", "file")));
        }
        DivocBulkCertify.Result result;
        try {
            result = bulk.certify(csv, source);
        } catch (IllegalArgumentException e) {
            throw new FhirInputException(400, List.of(Problem.error("structure", e.getMessage(), "file")));
        }
        return HttpAnswer.json(
                200, upload(uploads.record(fileName, source, result)).toString());
    }

    public HttpAnswer list(@Header(TrustedHeaders.SOURCE_HEADER) String source) {
        ArrayNode list = json.createArrayNode();
        uploads.list(source, LISTED).forEach(upload -> list.add(upload(upload)));
        return HttpAnswer.json(200, list.toString());
    }

    public HttpAnswer errors(@Header("id") String id, @Header(TrustedHeaders.SOURCE_HEADER) String source) {
        return uploads.errors(id, source)
                .map(errors -> {
                    ArrayNode list = json.createArrayNode();
                    errors.forEach(
                            error -> list.addObject().put("row", error.row()).put("error", error.error()));
                    return HttpAnswer.json(
                            200,
                            json.createObjectNode()
                                    .put("id", id)
                                    .set("errors", list)
                                    .toString());
                })
                .orElseThrow(() ->
                        new FhirInputException(404, List.of(Problem.error("not-found", "no upload " + id, "id"))));
    }

    private ObjectNode upload(DivocUploads.Upload upload) {
        return json.createObjectNode()
                .put("id", upload.id())
                .put("fileName", upload.fileName())
                .put("status", upload.status())
                .put("totalRecords", upload.totalRows())
                .put("errorRecords", upload.errorRows())
                .put("createdAt", upload.receivedAt().toString());
    }
}
