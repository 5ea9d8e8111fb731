package org.certhub.routes.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /api/docs}: the Swagger UI page (static/api/docs/index.html, with the swagger-ui webjar) that reads the
 * OpenAPI document Camel generates at {@code /api/openapi.json}.
 */
@Configuration
public class ApiDocsPage implements WebMvcConfigurer {

    static final String PAGE = "/api/docs/index.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/api/docs", PAGE);
        registry.addRedirectViewController("/api/docs/", PAGE);
    }
}
