package org.certhub.routes.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.signing.CitizenTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security in front of every HTTP route: the strict firewall, API keys, citizen tokens and (when an issuer is
 * configured) OIDC JWTs, and the access
 * table ({@link AccessRules}) as the authorisation rules, matched on the normalised path; anything the table does
 * not name is refused.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain hubSecurity(
            HttpSecurity http,
            HubAuthenticationProvider provider,
            ProblemAnswers answers,
            OidcProperties oidc,
            Senders senders)
            throws Exception {
        AuthenticationFilter credentials =
                new AuthenticationFilter(new ProviderManager(provider), new PresentedCredentials());
        credentials.setSuccessHandler((request, response, authentication) -> {});
        AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(answers);
        // an unreachable database is answered by ProblemAnswers (503), not rethrown into a 500
        failures.setRethrowAuthenticationServiceException(false);
        credentials.setFailureHandler(failures);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        // Camel answers on its own thread: headers written at commit time would race the container's
                        // and corrupt Tomcat's header table under load (a dropped connection)
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .addFilterBefore(credentials, AnonymousAuthenticationFilter.class)
                .addFilterAfter(new TrustedHeaders(), AuthorizationFilter.class)
                .authorizeHttpRequests(rules -> {
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                            .permitAll();
                    AccessRules.load().forEach(rule -> admit(rules.requestMatchers(matcher(rule)), rule));
                    rules.anyRequest().denyAll();
                });
        if (oidc.enabled()) {
            http.oauth2ResourceServer(tokens -> tokens.bearerTokenResolver(SecurityConfiguration::jwtBearer)
                    .authenticationEntryPoint(answers)
                    .accessDeniedHandler(answers)
                    .jwt(jwt ->
                            jwt.decoder(jwtDecoder(oidc)).jwtAuthenticationConverter(new OidcCallers(oidc, senders))));
        }
        return http.build();
    }

    /** Only JWTs are the resource server's; other bearer tokens are API keys or citizen tokens. */
    private static String jwtBearer(jakarta.servlet.http.HttpServletRequest request) {
        String token = PresentedCredentials.bearer(request);
        return token != null && PresentedCredentials.isJwt(token) ? token : null;
    }

    /**
     * The issuer's keys: from its JWK set URI, or found by OpenID discovery on first use (so the hub starts while the
     * issuer is down); with an issuer configured, tokens must name it.
     */
    private static JwtDecoder jwtDecoder(OidcProperties oidc) {
        if (!OidcProperties.has(oidc.jwkSetUri())) {
            return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(oidc.issuerUri()));
        }
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
        if (OidcProperties.has(oidc.issuerUri())) {
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(oidc.issuerUri()));
        }
        return decoder;
    }

    private static void admit(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url, AccessRules.Rule rule) {
        if (rule.admitsAnyone()) {
            url.permitAll();
        } else if (rule.roles().isEmpty()) {
            url.denyAll();
        } else {
            url.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
        }
    }

    private static RequestMatcher matcher(AccessRules.Rule rule) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return "*".equals(rule.method())
                ? paths.matcher(rule.path())
                : paths.matcher(HttpMethod.valueOf(rule.method()), rule.path());
    }

    @Bean
    HubAuthenticationProvider hubAuthenticationProvider(
            ApiKeys keys, Senders senders, CitizenTokens citizens, Clock clock) {
        return new HubAuthenticationProvider(keys, senders, citizens, clock);
    }

    @Bean
    ProblemAnswers securityProblemAnswers(HttpProblems problems, AuditTrail audit) {
        return new ProblemAnswers(problems, audit);
    }

    /**
     * No observation (span, timer) per security filter, authentication and authorization: with tracing on, Spring
     * Security wraps each of the chain's filters in observations of its own, which cost more CPU per request than
     * the authentication itself. The request's own observation (its span and {@code http.server.requests}) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall (its defaults), named here so that no one loosens it by accident. */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHttpMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
        return firewall;
    }
}
