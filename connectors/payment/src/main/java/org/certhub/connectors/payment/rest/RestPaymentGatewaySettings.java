package org.certhub.connectors.payment.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.certhub.connectors.http.HttpSettings;
import org.certhub.connectors.http.JsonAnswer;
import org.certhub.connectors.http.RequestTemplate;

/**
 * Settings of the {@code rest} payment gateway ({@code certhub.connectors.payment.rest.*}).
 *
 * @param http              URL, authentication and timeouts
 * @param method            GET (a payment-status check), POST or PUT (a reimbursement claim)
 * @param bodyTemplate      JSON body with {@code {{placeholder}}} values ({@link RestPaymentGateway#PLACEHOLDERS}); null for GET
 * @param queryParameters   query parameter name to placeholder name (URL-encoded), may be empty
 * @param idempotencyHeader the header that carries the event id, {@code Idempotency-Key} by default
 * @param statusPath        JSONPath of the payer's status in the answer
 * @param fundedValues      status values (ignoring case) meaning FUNDED
 * @param paidValues        status values meaning PAID
 * @param pendingValues     status values meaning PENDING
 * @param declinedValues    status values meaning DECLINED; any status in no set is refused as unreadable
 * @param referencePath     JSONPath of the payer's claim or payment reference; optional
 * @param declinedStatuses  HTTP 4xx statuses that mean "declined" rather than "bad request" (402 by default)
 */
public record RestPaymentGatewaySettings(
        HttpSettings http,
        String method,
        String bodyTemplate,
        Map<String, String> queryParameters,
        String idempotencyHeader,
        String statusPath,
        Set<String> fundedValues,
        Set<String> paidValues,
        Set<String> pendingValues,
        Set<String> declinedValues,
        String referencePath,
        Set<Integer> declinedStatuses) {

    public RestPaymentGatewaySettings {
        Objects.requireNonNull(http, "http");
        method = method == null || method.isBlank() ? "POST" : method.strip().toUpperCase(Locale.ROOT);
        queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
        idempotencyHeader = HttpSettings.requireHeaderName(
                idempotencyHeader == null || idempotencyHeader.isBlank()
                        ? "Idempotency-Key"
                        : idempotencyHeader.strip(),
                "idempotencyHeader");
        if (statusPath == null || statusPath.isBlank()) {
            throw new IllegalArgumentException("statusPath is required");
        }
        fundedValues = values(fundedValues, Set.of("funded", "approved", "covered"));
        paidValues = values(paidValues, Set.of("paid", "settled"));
        pendingValues = values(pendingValues, Set.of("pending", "submitted", "processing"));
        declinedValues = values(declinedValues, Set.of("declined", "rejected", "denied"));
        Set<String> seen = new HashSet<>();
        for (Set<String> group : List.of(fundedValues, paidValues, pendingValues, declinedValues)) {
            for (String value : group) {
                if (!seen.add(value)) {
                    throw new IllegalArgumentException("status value " + value + " is mapped to two outcomes");
                }
            }
        }
        declinedStatuses = HttpSettings.clientErrorStatuses(declinedStatuses, Set.of(402), "declinedStatuses");
        // fail at start-up, not on the first event
        requestTemplate(method, bodyTemplate, queryParameters);
        JsonAnswer.requireValid(statusPath, "statusPath");
        JsonAnswer.requireValid(referencePath, "referencePath");
    }

    RequestTemplate requestTemplate() {
        return requestTemplate(method, bodyTemplate, queryParameters);
    }

    private static RequestTemplate requestTemplate(String method, String body, Map<String, String> query) {
        return new RequestTemplate(method, body, query, RestPaymentGateway.PLACEHOLDERS);
    }

    private static Set<String> values(Set<String> configured, Set<String> defaults) {
        Set<String> chosen = configured == null || configured.isEmpty() ? defaults : configured;
        return chosen.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
