package org.certhub.routes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.certhub.routes.config.ConditionalOnRole.Role;
import org.junit.jupiter.api.Test;

class OnRoleConditionTest {

    @Test
    void noRolesConfiguredMeansEveryRoleAsInTheEmbeddedMode() {
        assertThat(OnRoleCondition.roles("")).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void aListNamesTheRolesOfThisNodeOnly() {
        assertThat(OnRoleCondition.roles(" certify, distribute "))
                .containsExactlyInAnyOrder(Role.CERTIFY, Role.DISTRIBUTE);
    }

    @Test
    void anUnknownRoleStopsTheNodeRatherThanRunningNothing() {
        assertThatThrownBy(() -> OnRoleCondition.roles("ingest,sign")).isInstanceOf(IllegalArgumentException.class);
    }
}
