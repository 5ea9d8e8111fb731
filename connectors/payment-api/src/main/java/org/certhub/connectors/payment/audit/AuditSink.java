package org.certhub.connectors.payment.audit;

/**
 * Where funding decisions are recorded for audit and reporting; the hub stores them in its database.
 * Recording again for the same event id (a retried check, a reconciliation) replaces the earlier record.
 */
@FunctionalInterface
public interface AuditSink {

    /** @throws RuntimeException when the record could not be stored; the gateway treats that as transient */
    void record(FundingAuditRecord record);
}
