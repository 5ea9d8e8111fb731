package org.certhub.routes.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.certhub.connectors.id.spi.IdVerification;
import org.certhub.connectors.id.spi.IdVerificationRequest;
import org.certhub.connectors.id.spi.IdVerifier;
import org.certhub.connectors.id.spi.IdVerifierContract;
import org.certhub.connectors.payment.audit.AuditSink;
import org.certhub.connectors.payment.spi.FundingDecision;
import org.certhub.connectors.payment.spi.PaymentGateway;
import org.certhub.connectors.payment.spi.PaymentRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ID and funding adapters are chosen by name among the beans present, a country's own adapter included. */
class ConnectorSelectionTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(HubBeans.class, ConnectorConfiguration.class);

    @Test
    void withoutAChoiceTheHubChecksNoIdAndTheGovernmentFunds() {
        context.run(hub -> {
            assertThat(hub.getBean(IdVerifier.class).name()).isEqualTo("none");
            assertThat(hub.getBean(PaymentGateway.class).name()).isEqualTo("government");
        });
    }

    @Test
    void anAdapterOfAnotherJarIsChosenByItsName() {
        context.withUserConfiguration(CountryAdapters.class)
                .withPropertyValues("certhub.connectors.id.provider=mosip", "certhub.connectors.payment.provider=nhis")
                .run(hub -> {
                    assertThat(hub.getBean(IdVerifier.class)
                                    .verify(IdVerifierContract.ACCEPTED)
                                    .verifier())
                            .isEqualTo("mosip");
                    assertThat(hub.getBean(PaymentGateway.class).name()).isEqualTo("nhis");
                });
    }

    @Test
    void aNameNoAdapterHasStopsTheStartNamingThePropertyAndTheAdaptersPresent() {
        context.withUserConfiguration(CountryAdapters.class)
                .withPropertyValues("certhub.connectors.id.provider=aadhaar")
                .run(hub -> assertThat(hub)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("certhub.connectors.id.provider is aadhaar")
                        .hasMessageContaining("present: mosip, none"));
    }

    @Test
    void twoAdaptersOfOneNameStopTheStart() {
        context.withUserConfiguration(CountryAdapters.class, AnotherMosip.class)
                .withPropertyValues("certhub.connectors.id.provider=mosip")
                .run(hub -> assertThat(hub)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("two adapters are named mosip"));
    }

    @Test
    void theRestAdapterIsBuiltOnlyWhenChosenAndThenNeedsItsSettings() {
        context.withPropertyValues("certhub.connectors.payment.provider=rest")
                .run(hub -> assertThat(hub)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("certhub.connectors.payment.rest.* is not configured"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({IdConnectorProperties.class, PaymentConnectorProperties.class})
    static class HubBeans {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        /** The REST adapters call out through Camel http endpoints. */
        @Bean
        CamelContext camelContext() {
            return new DefaultCamelContext();
        }

        @Bean
        AuditSink auditSink() {
            return record -> {};
        }
    }

    /** What a country's adapter jar on loader.path contributes. */
    @Configuration(proxyBeanMethods = false)
    static class CountryAdapters {
        @Bean
        IdVerifier mosipIdVerifier() {
            return new Named("mosip");
        }

        @Bean
        PaymentGateway nhisGateway() {
            return new PaymentGateway() {
                @Override
                public String name() {
                    return "nhis";
                }

                @Override
                public FundingDecision check(PaymentRequest request) {
                    return new FundingDecision(FundingDecision.Outcome.FUNDED, name(), null, null);
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AnotherMosip {
        @Bean
        IdVerifier secondMosip() {
            return new Named("mosip");
        }
    }

    private record Named(String name) implements IdVerifier {
        @Override
        public IdVerification verify(IdVerificationRequest request) {
            return IdVerification.verified(name, null, null);
        }
    }
}
