package org.certhub.routes.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified JWT into a {@link Caller}: its roles from the configured claim (admin before reviewer before
 * sender, when it has several), a sender's id from the sender claim, which must name a registered, enabled
 * sender. A token with none of the hub's roles is refused ({@code 401}).
 */
public final class OidcCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final List<Role> PRECEDENCE = List.of(Role.ADMIN, Role.REVIEWER, Role.SENDER);

    private final OidcProperties oidc;
    private final Senders senders;

    public OidcCallers(OidcProperties oidc, Senders senders) {
        this.oidc = oidc;
        this.senders = senders;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<String> roles = roles(jwt.getClaims());
        Role role = PRECEDENCE.stream()
                .filter(r -> roles.contains(r.name().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() ->
                        refused("the token carries none of the roles sender, admin, reviewer in " + oidc.rolesClaim()));
        if (role != Role.SENDER) {
            return new CallerAuthentication(new Caller(role, subject(jwt), null));
        }
        String sender = jwt.getClaimAsString(oidc.senderClaim());
        if (!SenderIds.isValid(sender)
                || senders.find(sender).filter(Senders.Sender::enabled).isEmpty()) {
            throw refused("the token's " + oidc.senderClaim() + " names no enabled sender");
        }
        return new CallerAuthentication(Caller.sender(sender));
    }

    private List<String> roles(Map<String, Object> claims) {
        Object node = claims;
        for (String step : oidc.rolesClaim().split("\\.")) {
            node = node instanceof Map<?, ?> map ? map.get(step) : null;
        }
        if (node instanceof Collection<?> values) {
            return values.stream()
                    .map(v -> String.valueOf(v).toLowerCase(Locale.ROOT))
                    .toList();
        }
        return node instanceof String one
                ? List.of(one.split("[ ,]+")).stream()
                        .map(v -> v.toLowerCase(Locale.ROOT))
                        .toList()
                : List.of();
    }

    private static String subject(Jwt jwt) {
        String subject = Optional.ofNullable(jwt.getSubject()).orElse("oidc");
        return subject.replace("|", "_");
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("invalid_token", why, null), why);
    }
}
