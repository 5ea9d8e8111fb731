package org.certhub.routes.ingest;

import java.util.List;
import org.certhub.routes.http.HttpAnswer;

/**
 * What an ingestion stored: the events that now need certifying (new records and corrections) and the answer
 * for the sender.
 */
public record IngestReceipt(List<String> toCertify, HttpAnswer answer) {

    public IngestReceipt {
        toCertify = List.copyOf(toCertify);
    }
}
