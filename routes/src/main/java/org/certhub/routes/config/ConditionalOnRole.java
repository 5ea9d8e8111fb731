package org.certhub.routes.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Registers a bean only on nodes that run the role: {@code certhub.roles} lists them ({@code ingest},
 * {@code certify}, {@code distribute}, {@code api}); unset means all, as in the embedded mode.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnRoleCondition.class)
public @interface ConditionalOnRole {

    Role value();

    enum Role {
        INGEST,
        CERTIFY,
        DISTRIBUTE,
        API
    }
}
