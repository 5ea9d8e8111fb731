package org.certhub.routes.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The access table ({@code security/access-rules.txt}): per HTTP method and path, who may call it. The security
 * filter chain is built from it, the access matrix test walks it, and SECURITY.md shows it.
 */
public final class AccessRules {

    public static final String RESOURCE = "/security/access-rules.txt";

    /** Who a row admits. {@code :own} rows also need the record to be the caller's (checked by the service). */
    public enum Who {
        ANYONE("anyone"),
        SENDER("sender"),
        OWN_SENDER("sender:own"),
        ADMIN("admin"),
        REVIEWER("reviewer"),
        CITIZEN("citizen"),
        OWN_CITIZEN("citizen:own"),
        NOBODY("nobody");

        private final String label;

        Who(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The role that passes the path gate for this entry, or null for anyone/nobody. */
        public Role role() {
            return switch (this) {
                case SENDER, OWN_SENDER -> Role.SENDER;
                case ADMIN -> Role.ADMIN;
                case REVIEWER -> Role.REVIEWER;
                case CITIZEN, OWN_CITIZEN -> Role.CITIZEN;
                case ANYONE, NOBODY -> null;
            };
        }

        static Who parse(String label) {
            return Arrays.stream(values())
                    .filter(w -> w.label.equals(label))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown 'who' in the access table: " + label));
        }
    }

    /** One row: {@code method} is an HTTP method or {@code *}; {@code path} a Spring path pattern. */
    public record Rule(String method, String path, Set<Who> who) {

        public boolean admitsAnyone() {
            return who.contains(Who.ANYONE);
        }

        /** The roles that pass the path gate. */
        public Set<Role> roles() {
            Set<Role> roles = new LinkedHashSet<>();
            who.stream().map(Who::role).filter(r -> r != null).forEach(roles::add);
            return roles;
        }
    }

    private AccessRules() {}

    public static List<Rule> load() {
        try (InputStream in = AccessRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the access table " + RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Rule> parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length < 3) {
                throw new IllegalArgumentException("an access table row needs a method, a path and who: " + trimmed);
            }
            Set<Who> who = new LinkedHashSet<>();
            for (int i = 2; i < fields.length; i++) {
                who.add(Who.parse(fields[i]));
            }
            rules.add(new Rule(fields[0], fields[1], Set.copyOf(who)));
        }
        return List.copyOf(rules);
    }
}
