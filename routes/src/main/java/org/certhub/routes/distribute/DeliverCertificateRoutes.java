package org.certhub.routes.distribute;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.springframework.stereotype.Component;

/**
 * deliver: one route per enabled channel ({@code deliver-email}, {@code deliver-sms}, ...), each fed by its own
 * queue, with its own retries and dead-letter queue (see {@link org.certhub.routes.stage.StageErrorPolicies}).
 */
@Component
@ConditionalOnRole(Role.DISTRIBUTE)
public class DeliverCertificateRoutes extends RouteBuilder {

    private final Channels channels;
    private final CerthubProperties.Queues queues;

    public DeliverCertificateRoutes(Channels channels, CerthubProperties properties) {
        this.channels = channels;
        this.queues = properties.queues();
    }

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        for (String channel : channels.names()) {
            from(queues.deliver(channel)).routeId("deliver-" + channel).routeConfigurationId("deliver-" + channel + "-errors")
                    .setProperty(DeliveryService.CHANNEL, constant(channel))
                    .bean(DeliveryService.class, "deliver").id("deliver-" + channel + "-send");
        }
        // spotless:on
    }
}
