-- intake: bulk ndjson imports and FHIR server polling (portable SQL for H2 and PostgreSQL).

-- One row per $import job: its state and counts, updated as the background import streams through the lines.
CREATE TABLE import_job (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    source_system VARCHAR(128) NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    lines_read    BIGINT       NOT NULL,
    accepted      BIGINT       NOT NULL,
    retracted     BIGINT       NOT NULL,
    ignored       BIGINT       NOT NULL,
    rejected      BIGINT       NOT NULL,
    message       VARCHAR(512),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_import_job_state ON import_job (state);

-- The bad lines of an import (up to a configured number per job), each with its file, line and OperationOutcome.
CREATE TABLE import_job_error (
    job_id      VARCHAR(36)  NOT NULL REFERENCES import_job (id),
    seq         INTEGER      NOT NULL,
    file_name   VARCHAR(256) NOT NULL,
    line_number BIGINT       NOT NULL,
    outcome     TEXT         NOT NULL,
    PRIMARY KEY (job_id, seq)
);

-- Per polled FHIR server: the newest meta.lastUpdated whose page of events is stored (searches resume after it).
CREATE TABLE poll_checkpoint (
    source_id    VARCHAR(128) NOT NULL PRIMARY KEY,
    last_updated VARCHAR(40)  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
