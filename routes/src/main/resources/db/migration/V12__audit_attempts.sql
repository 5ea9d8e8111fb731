-- Failed authentications are aggregated: one row per client address and window, its attempts counted here.
ALTER TABLE audit_event ADD COLUMN attempts INTEGER DEFAULT 1 NOT NULL;
CREATE INDEX ix_audit_action_occurred ON audit_event (action, occurred_at);
