package org.certhub.routes.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code certhub.roles} (comma-separated, default all) names the annotated role. */
class OnRoleCondition implements Condition {

    static final String PROPERTY = "certhub.roles";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var attributes = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
        if (attributes == null) {
            return true;
        }
        ConditionalOnRole.Role role = (ConditionalOnRole.Role) attributes.get("value");
        return roles(context.getEnvironment().getProperty(PROPERTY, "")).contains(role);
    }

    static Set<ConditionalOnRole.Role> roles(String configured) {
        if (configured.isBlank()) {
            return Set.of(ConditionalOnRole.Role.values());
        }
        return Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(name -> ConditionalOnRole.Role.valueOf(name.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
