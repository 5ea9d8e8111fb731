package org.certhub.fhirmapping;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The FHIR answers of the ingestion endpoints: an {@code OperationOutcome} for problems, a
 * {@code transaction-response}/{@code batch-response} Bundle for a Submission, and the CapabilityStatement of
 * {@code GET /fhir/r4/metadata}. Thread-safe.
 */
public final class FhirResponses {

    /** The path of an event's status, relative to the server base, as {@code Location} and entry locations give it. */
    public static final String EVENT_PATH = "api/v1/events/";

    private final FhirContext context;

    public FhirResponses(FhirContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    public OperationOutcome operationOutcome(List<Problem> problems) {
        OperationOutcome outcome = new OperationOutcome();
        for (Problem problem : problems) {
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                    .setSeverity(severity(problem.severity()))
                    .setCode(issueType(problem.code()))
                    .setDiagnostics(problem.diagnostics());
            if (problem.expression() != null && !problem.expression().isBlank()) {
                issue.addExpression(problem.expression());
            }
        }
        return outcome;
    }

    /** The problems of a {@link FhirInputException} or a rejected entry as an encoded OperationOutcome. */
    public String operationOutcome(List<Problem> problems, FhirEncoding encoding) {
        return encode(operationOutcome(problems), encoding);
    }

    /**
     * The response Bundle of a Submission: per entry, in order, {@code 202 Accepted} with the location of the
     * event's status (accepted and retracted entries), {@code 200 OK} (ignored ones) or the rejection's status
     * with its OperationOutcome.
     *
     * @param eventIds the event id the hub assigned to each entry, parallel to {@code submission.entries()};
     *                 {@code null} where an entry has none
     */
    public Bundle responseBundle(Submission submission, List<String> eventIds) {
        if (eventIds.size() != submission.entries().size()) {
            throw new IllegalArgumentException("one event id (or null) per entry is required");
        }
        Bundle bundle = new Bundle()
                .setType(
                        submission.kind() == Submission.Kind.TRANSACTION
                                ? Bundle.BundleType.TRANSACTIONRESPONSE
                                : Bundle.BundleType.BATCHRESPONSE);
        for (int i = 0; i < submission.entries().size(); i++) {
            Submission.Entry entry = submission.entries().get(i);
            Bundle.BundleEntryResponseComponent response = bundle.addEntry().getResponse();
            String eventId = eventIds.get(i);
            if (entry instanceof Submission.Accepted accepted) {
                response.setStatus("202 Accepted");
                if (!accepted.warnings().isEmpty()) {
                    response.setOutcome(operationOutcome(accepted.warnings()));
                }
            } else if (entry instanceof Submission.Retracted) {
                response.setStatus("202 Accepted");
            } else if (entry instanceof Submission.Ignored ignored) {
                response.setStatus("200 OK");
                response.setOutcome(operationOutcome(
                        List.of(new Problem(Problem.Severity.INFORMATION, "informational", ignored.reason(), null))));
            } else if (entry instanceof Submission.Rejected rejected) {
                response.setStatus(statusLine(rejected.status()));
                response.setOutcome(operationOutcome(rejected.problems()));
            }
            if (eventId != null) {
                response.setLocation(EVENT_PATH + eventId);
            }
        }
        return bundle;
    }

    public String responseBundle(Submission submission, List<String> eventIds, FhirEncoding encoding) {
        return encode(responseBundle(submission, eventIds), encoding);
    }

    /**
     * What the hub's FHIR endpoint supports, exactly: {@code create} of Immunization, {@code transaction} and
     * {@code batch} Bundles (also collection, document, message and searchset Bundles posted to the base),
     * the {@code $import} of Immunization and Patient ndjson, in JSON and XML.
     *
     * @param baseUrl         the FHIR base, e.g. {@code https://hub.example.org/fhir/r4}
     * @param softwareVersion certhub's version
     */
    public CapabilityStatement capabilityStatement(String baseUrl, String softwareVersion, Date date) {
        CapabilityStatement statement = new CapabilityStatement();
        statement
                .setStatus(Enumerations.PublicationStatus.ACTIVE)
                .setDate(date)
                .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1)
                .setFormat(List.of(
                        new CodeType("json"),
                        new CodeType("xml"),
                        new CodeType(FhirEncoding.JSON.mediaType()),
                        new CodeType(FhirEncoding.XML.mediaType())))
                .setPublisher("certhub")
                .setDescription("certhub turns FHIR R4 Immunization records into signed vaccination certificates. "
                        + "It accepts records; it does not serve them back (no read or search).");
        statement.getSoftware().setName("certhub").setVersion(softwareVersion);
        statement
                .getImplementation()
                .setDescription("certhub ingestion endpoint")
                .setUrl(baseUrl);

        CapabilityStatement.CapabilityStatementRestComponent rest = statement
                .addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER)
                .setDocumentation("POST a transaction, batch, collection, document (IPS, DDCC:VS), message or "
                        + "searchset Bundle to the base, or one Immunization (patient contained) to /Immunization. "
                        + "Each Immunization becomes a vaccination event; answers are 202 with the event's status "
                        + "location, or an OperationOutcome (400 unparseable, 422 invalid).");
        rest.getSecurity().setDescription("An API key per sending system in the X-API-Key header.");
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.BATCH);

        CapabilityStatement.CapabilityStatementRestResourceComponent immunization =
                rest.addResource().setType("Immunization");
        immunization.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
        immunization.setConditionalCreate(false).setReadHistory(false).setUpdateCreate(false);
        immunization.addSupportedProfile("http://hl7.org/fhir/StructureDefinition/Immunization");
        rest.addResource()
                .setType("Patient")
                .setDocumentation("Accepted inside Bundles, contained in an Immunization, and in $import ndjson");

        rest.addOperation()
                .setName("import")
                .setDefinition(baseUrl + "/OperationDefinition/import")
                .setDocumentation("Asynchronous import of Immunization and Patient ndjson files; progress at the "
                        + "status URL of the Content-Location header; each bad line is reported with its number.");
        return statement;
    }

    public String encode(IBaseResource resource, FhirEncoding encoding) {
        IParser parser = encoding == FhirEncoding.XML ? context.newXmlParser() : context.newJsonParser();
        return parser.setPrettyPrint(false).encodeResourceToString(resource);
    }

    /** The HTTP status line FHIR's {@code Bundle.entry.response.status} carries. */
    public static String statusLine(int status) {
        return switch (status) {
            case 200 -> "200 OK";
            case 201 -> "201 Created";
            case 202 -> "202 Accepted";
            case 400 -> "400 Bad Request";
            case 404 -> "404 Not Found";
            case 409 -> "409 Conflict";
            case 413 -> "413 Content Too Large";
            case 422 -> "422 Unprocessable Entity";
            default -> Integer.toString(status);
        };
    }

    private static OperationOutcome.IssueSeverity severity(Problem.Severity severity) {
        return switch (severity) {
            case FATAL -> OperationOutcome.IssueSeverity.FATAL;
            case ERROR -> OperationOutcome.IssueSeverity.ERROR;
            case WARNING -> OperationOutcome.IssueSeverity.WARNING;
            case INFORMATION -> OperationOutcome.IssueSeverity.INFORMATION;
        };
    }

    private static OperationOutcome.IssueType issueType(String code) {
        try {
            return OperationOutcome.IssueType.fromCode(code);
        } catch (org.hl7.fhir.exceptions.FHIRException unknown) {
            return OperationOutcome.IssueType.PROCESSING;
        }
    }
}
