-- certhub connectors: identity checks, funding decisions, one-time codes and the delivery ledger.
-- Portable SQL for H2 (embedded) and PostgreSQL (scale-out).

-- How the recipient's identity was settled for the event: the adapter that checked it (none, rest, otp), or
-- "waived" when an administrator approved a held event. A waiver or a confirmed one-time code settles the
-- identity of the revision it was given for (id_settled_revision); a later correction is checked again.
ALTER TABLE vaccination_event ADD COLUMN id_check VARCHAR(32);
ALTER TABLE vaccination_event ADD COLUMN id_check_ref VARCHAR(256);
ALTER TABLE vaccination_event ADD COLUMN id_settled_revision INTEGER;

-- Parts of deliveries a receiver has accepted (a webhook subscriber, an SMS, a locker push), shared by every
-- node, so that a redelivered message never sends again, even after a restart.
CREATE TABLE delivery_ledger (
    ledger_key VARCHAR(512) NOT NULL PRIMARY KEY,
    done_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Open one-time-code challenges; the code only as its HMAC. One open challenge per key (the event id).
CREATE TABLE otp_challenge (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    challenge_key   VARCHAR(128) NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    address         VARCHAR(320) NOT NULL,
    code_hash       VARCHAR(128) NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    sends           INTEGER      NOT NULL,
    failed_attempts INTEGER      NOT NULL,
    CONSTRAINT uq_otp_challenge_key UNIQUE (challenge_key)
);
CREATE INDEX ix_otp_challenge_expires ON otp_challenge (expires_at);

-- The latest funding decision per event, for audit, reporting and the reconciliation of pending payments.
-- No personal data: event, programme, facility, who pays, and what the payer said.
CREATE TABLE funding_audit (
    event_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    programme_id   VARCHAR(64),
    facility_id    VARCHAR(128),
    funding_source VARCHAR(32)  NOT NULL,
    amount_value   DECIMAL(19, 4),
    amount_currency VARCHAR(3),
    gateway        VARCHAR(32)  NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,
    reference      VARCHAR(256),
    detail         VARCHAR(256),
    decided_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_funding_audit_outcome ON funding_audit (outcome, decided_at);
