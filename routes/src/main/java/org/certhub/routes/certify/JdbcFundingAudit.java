package org.certhub.routes.certify;

import java.sql.Timestamp;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.certhub.connectors.payment.audit.AuditSink;
import org.certhub.connectors.payment.audit.FundingAuditRecord;
import org.certhub.connectors.payment.spi.Amount;
import org.certhub.connectors.payment.spi.FundingDecision;
import org.certhub.connectors.payment.spi.FundingSource;
import org.certhub.connectors.payment.spi.PaymentRequest;
import org.certhub.routes.store.GroupCommit;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Funding decisions in the hub's database, the latest per event (no personal data: see {@link PaymentRequest}). */
@Repository
public class JdbcFundingAudit implements AuditSink {

    private static final int MAX_TEXT = 250;

    private final NamedParameterJdbcTemplate jdbc;
    private final GroupCommit commits;

    public JdbcFundingAudit(NamedParameterJdbcTemplate jdbc, GroupCommit commits) {
        this.jdbc = jdbc;
        this.commits = commits;
    }

    /** The decision replaces the event's earlier one, in a commit shared with the other stages' writes of the moment. */
    @Override
    public void record(FundingAuditRecord record) {
        PaymentRequest request = record.request();
        Amount amount = request.amount();
        MapSqlParameterSource row = new MapSqlParameterSource(Map.of("event", request.eventId()))
                .addValue("programme", request.programmeId())
                .addValue("facility", request.facilityId())
                .addValue("source", request.fundingSource().name())
                .addValue("amount", amount == null ? null : amount.value())
                .addValue("currency", amount == null ? null : amount.currency().getCurrencyCode())
                .addValue("gateway", record.decision().gateway())
                .addValue("outcome", record.decision().outcome().name())
                .addValue("reference", clip(record.decision().reference()))
                .addValue("detail", clip(record.decision().detail()))
                .addValue("at", Timestamp.from(record.decidedAt()));
        commits.run(() -> {
            jdbc.update("DELETE FROM funding_audit WHERE event_id = :event", row);
            jdbc.update("""
                    INSERT INTO funding_audit (event_id, programme_id, facility_id, funding_source, amount_value, amount_currency,
                                               gateway, outcome, reference, detail, decided_at)
                    VALUES (:event, :programme, :facility, :source, :amount, :currency, :gateway, :outcome, :reference, :detail, :at)""", row);
        });
    }

    /** The requests whose latest decision is still pending, oldest first: what a reconciliation run asks again. */
    public List<PaymentRequest> pending(int limit) {
        return jdbc.query(
                """
                SELECT * FROM funding_audit WHERE outcome = :pending ORDER BY decided_at FETCH FIRST %d ROWS ONLY""".formatted(limit),
                new MapSqlParameterSource("pending", FundingDecision.Outcome.PENDING.name()),
                (rs, row) -> new PaymentRequest(
                        rs.getString("event_id"),
                        rs.getString("programme_id"),
                        rs.getString("facility_id"),
                        FundingSource.valueOf(rs.getString("funding_source")),
                        rs.getBigDecimal("amount_value") == null
                                ? null
                                : new Amount(
                                        rs.getBigDecimal("amount_value"),
                                        Currency.getInstance(rs.getString("amount_currency")))));
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
