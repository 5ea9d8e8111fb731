package org.certhub.routes.divoc;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.divoc.*}: DIVOC's certify API.
 *
 * @param maxCorrections corrections ({@code PUT /divoc/api/v1/certificate}) allowed per dose; one more is {@code 422}
 */
@Validated
@ConfigurationProperties("certhub.divoc")
public record DivocProperties(@DefaultValue("3") @Min(0) int maxCorrections) {}
