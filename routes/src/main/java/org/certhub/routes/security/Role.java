package org.certhub.routes.security;

/** The roles of the hub's callers; Spring Security sees them as {@code ROLE_<name>}. */
public enum Role {
    /** a sending system (hospital, registry): posts its records and reads and changes only its own */
    SENDER,
    /** operates the hub: senders, keys, dead letters, revocation, the audit trail */
    ADMIN,
    /** works the review queue of held events */
    REVIEWER,
    /** a holder reaching their own certificates by a signed link or an OTP session */
    CITIZEN;

    public String authority() {
        return "ROLE_" + name();
    }
}
