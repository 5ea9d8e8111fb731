package org.certhub.routes.wiring;

import org.certhub.render.CertificateDocument;
import org.certhub.render.PdfCertificateDocument;
import org.certhub.render.Templates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Certificate documents from the templates and message bundles under {@code config/}. */
@Configuration(proxyBeanMethods = false)
public class DocumentConfiguration {

    @Bean
    Templates templates(ConfigFiles config) {
        return Templates.from(config.source());
    }

    @Bean
    CertificateDocument certificateDocument(Templates templates) {
        return new PdfCertificateDocument(templates);
    }
}
