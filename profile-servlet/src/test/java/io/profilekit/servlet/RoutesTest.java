package io.profilekit.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {

    @Test
    void namesTheTemplateNotThePath() {
        assertThat(Routes.template("/api/v1/username", "/ada1815")).isEqualTo("/api/v1/username/{username}");
        assertThat(Routes.template("/api/v1/profiles", null)).isEqualTo("/api/v1/profiles");
        assertThat(Routes.template("/api/v1/profiles", "/")).isEqualTo("/api/v1/profiles");
        assertThat(Routes.template("/api/v1/profiles", "/42")).isEqualTo("/api/v1/profiles/{id}");
        assertThat(Routes.template("/api/v1/profiles", "/42/picture")).isEqualTo("/api/v1/profiles/{id}/picture");
    }

    @Test
    void foldsEverythingUnknownIntoOneName() {
        assertThat(Routes.template("", "/wp-admin/login.php")).isEqualTo(Routes.UNMATCHED);
        assertThat(Routes.template("/api/v1/profiles", "/42/friends")).isEqualTo(Routes.UNMATCHED);
    }
}
