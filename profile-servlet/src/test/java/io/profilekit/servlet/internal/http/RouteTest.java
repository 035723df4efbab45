package io.profilekit.servlet.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void namesTheTemplateNotThePath() {
        assertThat(Route.template("/api/v1/username", "/ada1815")).isEqualTo("/api/v1/username/{username}");
        assertThat(Route.template("/api/v1/profiles", null)).isEqualTo("/api/v1/profiles");
        assertThat(Route.template("/api/v1/profiles", "/")).isEqualTo("/api/v1/profiles");
        assertThat(Route.template("/api/v1/profiles", "/42")).isEqualTo("/api/v1/profiles/{id}");
        assertThat(Route.template("/api/v1/profiles", "/42/picture")).isEqualTo("/api/v1/profiles/{id}/picture");
    }

    @Test
    void foldsEverythingUnknownIntoOneName() {
        assertThat(Route.template("", "/wp-admin/login.php")).isEqualTo(Route.UNMATCHED);
        assertThat(Route.template("/api/v1/profiles", "/42/friends")).isEqualTo(Route.UNMATCHED);
    }
}
