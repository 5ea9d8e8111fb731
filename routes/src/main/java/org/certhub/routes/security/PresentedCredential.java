package org.certhub.routes.security;

import java.util.List;
import org.certhub.routes.signing.CitizenTokens;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A credential as a request presented it, not yet checked: an API key or a citizen token. */
public final class PresentedCredential extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient String secret;
    private final transient String code;

    public PresentedCredential(String secret) {
        this(secret, null);
    }

    /** @param code the short code a citizen link from an SMS came with ({@code &code=}), or null */
    public PresentedCredential(String secret, String code) {
        super(List.of());
        this.secret = secret;
        this.code = code;
        setAuthenticated(false);
    }

    public String code() {
        return code;
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return "unauthenticated";
    }

    public boolean isCitizenToken() {
        return secret.startsWith(CitizenTokens.PREFIX);
    }

    @Override
    public String toString() { // never the secret
        return "PresentedCredential[" + (isCitizenToken() ? "citizen token" : "API key") + "]";
    }
}
