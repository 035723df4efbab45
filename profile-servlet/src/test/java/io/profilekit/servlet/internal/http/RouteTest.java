package io.profilekit.servlet.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void namesTheTemplateNotThePath() {
        assertThat(Route.template("/api/v1/username/ada1815")).isEqualTo("/api/v1/username/{username}");
        assertThat(Route.template("/api/v1/profiles")).isEqualTo("/api/v1/profiles");
        assertThat(Route.template("/api/v1/profiles/")).isEqualTo("/api/v1/profiles");
        assertThat(Route.template("/api/v1/profiles/42")).isEqualTo("/api/v1/profiles/{id}");
        assertThat(Route.template("/api/v1/profiles/42/picture")).isEqualTo("/api/v1/profiles/{id}/picture");
    }

    @Test
    void foldsEverythingUnknownIntoOneName() {
        assertThat(Route.template("/wp-admin/login.php")).isEqualTo(Route.UNMATCHED);
        assertThat(Route.template("/api/v1/profiles/42/friends")).isEqualTo(Route.UNMATCHED);
    }

    @Test
    void aSeedLookupOwnsEveryPathUnderItsPrefix() {
        assertThat(Route.of("/api/v1/id/7/extra")).contains(Route.PROFILE_BY_ID);
    }

    @Test
    void onlyTheSeedsRoutesAnswerErrorsInTheSeedsShape() {
        assertThat(Route.values()).filteredOn(route -> route.errorShape() == Route.ErrorShape.SEED)
                .extracting(Route::template).allMatch(template -> template.startsWith("/api/v1/")
                        && !template.startsWith("/api/v1/profiles"));
        assertThat(Route.PROFILE.errorShape()).isEqualTo(Route.ErrorShape.PROBLEM);
    }

    @Test
    void allowsOnlyTheMethodsItsTableNames() {
        assertThat(Route.PROFILE_PICTURE.allows("PUT")).isTrue();
        assertThat(Route.PROFILE_PICTURE.allows("PATCH")).isFalse();
        assertThat(Route.PROFILE_BY_ID.allow()).isEqualTo("GET, HEAD");
    }

    @Test
    void aTemplateWithParametersIsReachedThroughAPathMapping() {
        assertThat(Route.PROFILE.mapping()).isEqualTo("/api/v1/profiles/*");
        assertThat(Route.PROFILES.mapping()).isEqualTo("/api/v1/profiles");
        assertThat(Route.HEALTH.mapping()).isEqualTo("/healthz");
    }

    @Test
    void aRouteWithoutParametersIsItsPathAlone() {
        assertThat(Route.of("/api/v1/me")).contains(Route.ME);
        assertThat(Route.of("/api/v1/me/picture")).contains(Route.ME_PICTURE);
        assertThat(Route.of("/api/v1/me/other")).isEmpty();
        assertThat(Route.of("/healthz/x")).isEmpty();
        assertThat(Route.of("/healthzz")).isEmpty();
    }

    @Test
    void onlyTheApiAndScimRoutesNeedACaller() {
        assertThat(Route.values()).filteredOn(Route::needsCaller).extracting(Route::template)
                .allMatch(template -> template.startsWith("/api/") || template.startsWith("/scim/"));
        assertThat(Route.PICTURE_LINK.needsCaller()).isFalse();
        assertThat(Route.READINESS.needsCaller()).isFalse();
    }

    @Test
    void theRestOfAPathIsWhatFollowsItsBase() {
        assertThat(Route.PROFILE.rest("/api/v1/profiles/42")).isEqualTo("/42");
        assertThat(Route.PROFILE_BY_ID.rest("/api/v1/id")).isEmpty();
    }

    @Test
    void aPathShorterThanATemplateDoesNotReachIt() {
        assertThat(Route.of("/api/v1/profiles/42")).contains(Route.PROFILE);
        assertThat(Route.of("/api/v1/profiles/42/picture")).contains(Route.PROFILE_PICTURE);
    }

    @Test
    void aParameterMustNotBeEmptyAndALiteralMustMatchWhole() {
        for (String pathInfo : new String[] {"//picture", "/42/pictures", "/42/pictur"}) {
            assertThat(Route.of("/api/v1/profiles" + pathInfo)).as(pathInfo).isNotEqualTo(Optional.of(Route.PROFILE_PICTURE));
        }
    }
}
