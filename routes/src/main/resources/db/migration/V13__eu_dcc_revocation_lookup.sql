-- EU DCC credentials carry their UCI hash in revocation_id; verification looks a UVCI up by it
CREATE INDEX ix_credential_revocation ON credential (revocation_id);
