-- SMART Health Cards: a card holds every dose of a programme the hub knows for the person, and each card can be
-- revoked through its key's card revocation list. Portable SQL for H2 and PostgreSQL.

-- Who the vaccinated person is, as the sender identifies them: a SHA-256 over the sending system and the person's
-- identifier (else name and birth date). Events received before this column carry none and stand alone.
ALTER TABLE vaccination_event ADD COLUMN person_key VARCHAR(64);
CREATE INDEX ix_event_person_programme ON vaccination_event (person_key, programme_id);

-- The revocation id (vc.rid) of a SMART Health Card credential; listed at /.well-known/crl/{kid}.json once its
-- certificate is revoked or superseded.
ALTER TABLE credential ADD COLUMN revocation_id VARCHAR(24);
CREATE INDEX ix_credential_key_revocation ON credential (key_id, revocation_id);
