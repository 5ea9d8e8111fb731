-- A citizen's request to correct a certificate (POST /api/v1/citizen/certificates/{id}/correction-requests): the
-- free text, the certificate and its event, and the record's sender (who, with admins and reviewers, reads it).
CREATE TABLE correction_request (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    certificate_id VARCHAR(36)   NOT NULL REFERENCES certificate (id),
    event_id       VARCHAR(36)   NOT NULL,
    source_system  VARCHAR(128)  NOT NULL,
    request_text   VARCHAR(2000) NOT NULL,
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_correction_request_source ON correction_request (source_system, requested_at);
CREATE INDEX ix_correction_request_time ON correction_request (requested_at);
