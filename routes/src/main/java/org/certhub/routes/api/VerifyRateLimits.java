package org.certhub.routes.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.certhub.routes.config.VerifyRateLimitProperties;
import org.certhub.routes.http.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Verification is open to anyone and costs CPU: each client address gets {@code requests} per {@code period}
 * (resilience4j's {@link RateLimiter}, one per address, forgotten after a few idle periods and bounded in number).
 * The address is the connection's peer; behind a reverse proxy, Spring's {@code server.forward-headers-strategy}
 * makes it the client's.
 */
@Component
public class VerifyRateLimits {

    private final VerifyRateLimitProperties settings;
    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters;

    public VerifyRateLimits(VerifyRateLimitProperties settings) {
        this.settings = settings;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(settings.requests())
                .limitRefreshPeriod(settings.period())
                .timeoutDuration(Duration.ZERO)
                .build();
        Duration idle = settings.period().multipliedBy(4);
        this.limiters = Caffeine.newBuilder()
                .maximumSize(settings.maxClients())
                .expireAfterAccess(idle.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : idle)
                .build();
    }

    /**
     * A route step: lets the request through, or refuses it.
     *
     * @throws TooManyRequestsException when the client has used up its requests of the period
     */
    public void admit(Exchange exchange) {
        if (settings.enabled() && !admits(clientAddress(exchange))) {
            throw new TooManyRequestsException(settings.period());
        }
    }

    boolean admits(String client) {
        return limiters.get(client, address -> RateLimiter.of(address, config)).acquirePermission();
    }

    private static String clientAddress(Exchange exchange) {
        return exchange.getIn() instanceof PlatformHttpMessage http
                ? http.getRequest().getRemoteAddr()
                : "";
    }
}
