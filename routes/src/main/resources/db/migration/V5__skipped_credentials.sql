-- The formats a certificate was not issued in, each with the stable reason the record could not carry it
-- (SkipReason: no-medicinal-product, ...). Written in the same transaction as the certificate and its credentials.
CREATE TABLE skipped_credential (
    certificate_id VARCHAR(36)  NOT NULL REFERENCES certificate (id),
    format         VARCHAR(16)  NOT NULL,
    reason         VARCHAR(64)  NOT NULL,
    detail         VARCHAR(250),
    PRIMARY KEY (certificate_id, format)
);
