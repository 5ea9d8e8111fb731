package org.certhub.routes.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages people open, built from {@code web/} into the jar's {@code static/assets/}: {@code /} (links to both),
 * {@code /portal} (citizens: a one-time code, then their certificates) and {@code /verify} (anyone: scan, pick or
 * paste a QR code). Each page calls only the documented API.
 */
@Configuration
public class WebPages implements WebMvcConfigurer {

    static final String ASSETS = "/assets/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:" + ASSETS + "index.html");
        registry.addViewController("/portal").setViewName("forward:" + ASSETS + "portal.html");
        registry.addViewController("/verify").setViewName("forward:" + ASSETS + "verify.html");
    }
}
