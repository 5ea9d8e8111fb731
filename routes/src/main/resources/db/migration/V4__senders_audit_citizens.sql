-- Trust and access: sending systems and their keys, the audit trail, and citizens' contacts and one-time codes.

-- One row per sending system; programmes and facilities are comma-separated allow lists (empty = any).
CREATE TABLE sender (
    id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    name        VARCHAR(256)  NOT NULL,
    programmes  VARCHAR(1024) NOT NULL,
    facilities  VARCHAR(2048) NOT NULL,
    enabled     BOOLEAN       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A sender's API keys, as SHA-256 hashes only; a rotated key keeps working until expires_at.
CREATE TABLE sender_key (
    key_hash    VARCHAR(64) NOT NULL PRIMARY KEY,
    sender_id   VARCHAR(64) NOT NULL REFERENCES sender (id),
    origin      VARCHAR(8)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_sender_key_sender ON sender_key (sender_id);

-- Who did what to which record, and how it ended; never personal data.
CREATE TABLE audit_event (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(128),
    actor_role     VARCHAR(16),
    action         VARCHAR(64)  NOT NULL,
    target_id      VARCHAR(128),
    outcome        VARCHAR(16)  NOT NULL,
    client_address VARCHAR(64)
);
CREATE INDEX ix_audit_occurred ON audit_event (occurred_at);

-- The contacts (email, phone) of each event's recipient, as keyed digests, so that a citizen's session finds
-- their certificates without the hub searching personal data.
CREATE TABLE citizen_contact (
    contact_digest VARCHAR(64) NOT NULL,
    event_id       VARCHAR(36) NOT NULL REFERENCES vaccination_event (id),
    PRIMARY KEY (contact_digest, event_id)
);
CREATE INDEX ix_citizen_contact_event ON citizen_contact (event_id);

-- One-time codes sent to a citizen's contact: hashed, single use, expiring; also the record of requests that
-- limits them per contact and per client address.
CREATE TABLE citizen_code (
    id             VARCHAR(36) NOT NULL PRIMARY KEY,
    contact_digest VARCHAR(64) NOT NULL,
    client_digest  VARCHAR(64) NOT NULL,
    code_hash      VARCHAR(64),
    attempts       INTEGER     NOT NULL,
    used           BOOLEAN     NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_citizen_code_contact ON citizen_code (contact_digest, created_at);
CREATE INDEX ix_citizen_code_client ON citizen_code (client_digest, created_at);
