package org.certhub.routes.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code certhub.security.oidc.*}: JWT bearer tokens from an OpenID Connect issuer, beside API keys. Off when
 * neither the issuer nor a JWK set URI is set.
 *
 * @param issuerUri   the issuer: its keys are found by OpenID discovery, and tokens must name it as {@code iss}
 * @param jwkSetUri   the issuer's JWK set, when discovery is not wanted (with {@code issuerUri} also set, {@code iss} is checked)
 * @param rolesClaim  where the roles are, as a dotted path ({@code realm_access.roles}, Keycloak's); values
 *                    {@code sender}, {@code admin}, {@code reviewer}
 * @param senderClaim the claim holding a sender's id (a sender registered and enabled in the hub)
 */
@ConfigurationProperties("certhub.security.oidc")
public record OidcProperties(String issuerUri, String jwkSetUri, String rolesClaim, String senderClaim) {

    public OidcProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "realm_access.roles" : rolesClaim;
        senderClaim = senderClaim == null || senderClaim.isBlank() ? "sender_id" : senderClaim;
    }

    public boolean enabled() {
        return has(issuerUri) || has(jwkSetUri);
    }

    static boolean has(String value) {
        return value != null && !value.isBlank();
    }
}
