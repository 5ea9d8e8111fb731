package org.certhub.routes.security;

import java.util.Objects;
import java.util.Optional;

/**
 * Who made a request, as the security filter chain authenticated it, handed to the routes in the
 * {@value #HEADER} header (which a caller can never set itself).
 *
 * @param role        the caller's role
 * @param id          the sender id, the admin's or reviewer's name, or for citizens {@code link} / the contact digest
 * @param certificate for a citizen link: the one certificate it opens; else null
 */
public record Caller(Role role, String id, String certificate) {

    public static final String HEADER = "X-Certhub-Caller";

    public Caller {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
    }

    public static Caller sender(String id) {
        return new Caller(Role.SENDER, id, null);
    }

    public boolean is(Role wanted) {
        return role == wanted;
    }

    /** The sending system, for a sender. */
    public Optional<String> senderId() {
        return role == Role.SENDER ? Optional.of(id) : Optional.empty();
    }

    /** {@code role|id|certificate}: ids never hold {@code |} (sender ids are checked, the rest are generated). */
    public String encode() {
        return role.name() + "|" + id + "|" + (certificate == null ? "" : certificate);
    }

    /** The caller in a header set by the chain; empty for anonymous requests. */
    public static Optional<Caller> decode(String header) {
        if (header == null || header.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = header.split("\\|", -1);
        return Optional.of(new Caller(Role.valueOf(parts[0]), parts[1], parts[2].isEmpty() ? null : parts[2]));
    }
}
