package org.certhub.routes.security;

import java.time.Clock;
import java.util.Optional;
import org.certhub.routes.config.InfrastructureFaults;
import org.certhub.routes.signing.CitizenTokens;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Checks a {@link PresentedCredential}: the admin key, the reviewer key, a sender's key (enabled sender, key
 * not expired) or a citizen token. Anything else is {@link BadCredentialsException}, answered {@code 401}.
 */
public final class HubAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys keys;
    private final Senders senders;
    private final CitizenTokens citizens;
    private final Clock clock;

    public HubAuthenticationProvider(ApiKeys keys, Senders senders, CitizenTokens citizens, Clock clock) {
        this.keys = keys;
        this.senders = senders;
        this.citizens = citizens;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return check((PresentedCredential) authentication);
        } catch (RuntimeException failure) {
            if (InfrastructureFaults.isInfrastructureFault(failure)) {
                // the credentials are neither valid nor refused: the caller is told to come back (503), not 401
                throw new AuthenticationServiceException("the hub's database is unavailable", failure);
            }
            throw failure;
        }
    }

    private Authentication check(PresentedCredential presented) {
        String secret = (String) presented.getCredentials();
        Optional<Caller> caller = presented.isCitizenToken()
                ? citizens.verify(secret, presented.code())
                        .map(holder -> new Caller(Role.CITIZEN, holder.id(), holder.certificate()))
                : byKey(secret);
        return new CallerAuthentication(caller.orElseThrow(() -> new BadCredentialsException(
                presented.isCitizenToken()
                        ? "the citizen token is not valid or has expired (a link from an SMS needs its code: &code=)"
                        : "the API key is not valid")));
    }

    private Optional<Caller> byKey(String key) {
        if (keys.isAdmin(key)) {
            return Optional.of(new Caller(Role.ADMIN, "admin", null));
        }
        if (keys.isReviewer(key)) {
            return Optional.of(new Caller(Role.REVIEWER, "reviewer", null));
        }
        return senders.byKey(key, clock.instant()).map(sender -> Caller.sender(sender.id()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PresentedCredential.class.isAssignableFrom(authentication);
    }
}
