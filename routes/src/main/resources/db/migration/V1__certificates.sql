-- certhub schema: portable SQL for H2 (embedded) and PostgreSQL (scale-out).

-- One row per vaccination record a sender identifies (source system + record id); a changed record bumps
-- its revision and is certified again as a correction.
CREATE TABLE vaccination_event (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(512) NOT NULL,
    source_system   VARCHAR(128) NOT NULL,
    revision        INTEGER      NOT NULL,
    content_hash    VARCHAR(64)  NOT NULL,
    programme_id    VARCHAR(64),
    state           VARCHAR(16)  NOT NULL,
    reason          VARCHAR(512),
    certificate_id  VARCHAR(36),
    payload         TEXT         NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_event_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_event_state_updated ON vaccination_event (state, updated_at);

-- One row per issued certificate version; a correction adds a version and supersedes the previous one.
CREATE TABLE certificate (
    id             VARCHAR(36) NOT NULL PRIMARY KEY,
    event_id       VARCHAR(36) NOT NULL REFERENCES vaccination_event (id),
    event_revision INTEGER     NOT NULL,
    version        INTEGER     NOT NULL,
    previous_id    VARCHAR(36),
    status         VARCHAR(16) NOT NULL,
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    payload        TEXT        NOT NULL,
    CONSTRAINT uq_certificate_event_revision UNIQUE (event_id, event_revision)
);
CREATE INDEX ix_certificate_event ON certificate (event_id);

-- The signed credentials of a certificate, one per format.
CREATE TABLE credential (
    certificate_id VARCHAR(36)  NOT NULL REFERENCES certificate (id),
    format         VARCHAR(16)  NOT NULL,
    key_id         VARCHAR(256) NOT NULL,
    media_type     VARCHAR(64)  NOT NULL,
    document       TEXT         NOT NULL,
    qr_text        TEXT         NOT NULL,
    PRIMARY KEY (certificate_id, format)
);

-- One row per certificate and channel: the delivery's state, kept across retries and replays.
CREATE TABLE delivery (
    id             VARCHAR(80)  NOT NULL PRIMARY KEY,
    certificate_id VARCHAR(36)  NOT NULL REFERENCES certificate (id),
    channel        VARCHAR(32)  NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    attempts       INTEGER      NOT NULL,
    last_error     VARCHAR(512),
    external_ref   VARCHAR(256),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_delivery_certificate_channel UNIQUE (certificate_id, channel)
);
