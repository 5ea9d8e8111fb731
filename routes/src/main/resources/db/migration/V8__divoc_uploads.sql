-- DIVOC bulk CSV uploads (POST /divoc/api/v1/bulkCertify): one row per upload, and the error of each rejected row.
CREATE TABLE divoc_upload (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    file_name   VARCHAR(255),
    source      VARCHAR(128) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    total_rows  INTEGER      NOT NULL,
    error_rows  INTEGER      NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_divoc_upload_received ON divoc_upload (received_at);

CREATE TABLE divoc_upload_error (
    upload_id VARCHAR(36)   NOT NULL,
    row_no    INTEGER       NOT NULL,
    error     VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_divoc_upload_error PRIMARY KEY (upload_id, row_no)
);
