package io.profilekit.servlet.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.FieldVisibility;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import io.profilekit.servlet.auth.Person;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Route;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static final Principal ADA = new Person("ada1815");
    private static final AccessRules DEFAULTS = new AccessRules(FieldVisibility.DEFAULTS);
    /** Nothing public but the record id and the name. */
    private static final AccessRules STRICT = new AccessRules(new FieldVisibility(Set.of("record_id", "name"), Set.of()));

    private static HttpServletRequest request(Principal caller, String method) {
        return (HttpServletRequest) Proxy.newProxyInstance(AccessRulesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, invoked, args) -> switch (invoked.getName()) {
                    case "getUserPrincipal" -> caller;
                    case "getMethod" -> method;
                    default -> throw new UnsupportedOperationException(invoked.getName());
                });
    }

    private static String refusal(AccessRules rules, Route route, Principal caller, String method) {
        try {
            rules.check(route, request(caller, method));
            return null;
        } catch (HttpProblem problem) {
            assertThat(problem.status()).isEqualTo(403);
            return problem.getMessage();
        }
    }

    @Test
    void aServiceMayDoEverythingButMe() {
        for (Route route : new Route[] {Route.PROFILE, Route.PROFILES, Route.PROFILE_PICTURE, Route.PROFILE_BY_ID}) {
            assertThat(refusal(STRICT, route, BearerTokenAuthenticator.SERVICE, "DELETE")).isNull();
        }
        assertThat(refusal(DEFAULTS, Route.ME, BearerTokenAuthenticator.SERVICE, "GET"))
                .contains("a service token names no person", "/api/v1/profiles/{id}");
        assertThat(refusal(DEFAULTS, Route.ME_PICTURE, BearerTokenAuthenticator.SERVICE, "GET")).isNotNull();
    }

    @Test
    void aPersonMayDoEverythingOnTheirOwnProfile() {
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(refusal(STRICT, Route.ME, ADA, method)).isNull();
        }
        assertThat(refusal(STRICT, Route.ME_PICTURE, ADA, "PUT")).isNull();
    }

    @Test
    void aPersonChangingAnotherProfileIsToldToUseMe() {
        assertThat(refusal(DEFAULTS, Route.PROFILE, ADA, "PATCH")).startsWith("change your own profile through /api/v1/me");
        assertThat(refusal(DEFAULTS, Route.PROFILE_PICTURE, ADA, "PUT")).startsWith("change your own profile");
        assertThat(refusal(DEFAULTS, Route.PROFILES, ADA, "POST")).startsWith("create your own profile with POST /api/v1/me");
    }

    @Test
    void aPersonReadsEveryRouteWhileItsFieldsArePublic() {
        for (Route route : new Route[] {Route.PROFILE_BY_ID, Route.PROFILE_BY_USERNAME, Route.PROFILES_BY_NICKNAME,
                Route.PICTURE_RECORD, Route.PICTURE_RAW, Route.PROFILES, Route.PROFILE, Route.PROFILE_PICTURE}) {
            assertThat(refusal(DEFAULTS, route, ADA, "GET")).as(route.name()).isNull();
            assertThat(refusal(DEFAULTS, route, ADA, "HEAD")).as(route.name()).isNull();
        }
    }

    @Test
    void aPersonMayNotLookUpByAFieldThatIsNotPublic() {
        assertThat(refusal(STRICT, Route.PROFILE_BY_USERNAME, ADA, "GET")).contains("user_id is not public");
        assertThat(refusal(STRICT, Route.PROFILES_BY_NICKNAME, ADA, "GET")).contains("nickname is not public");
        assertThat(refusal(STRICT, Route.PICTURE_RAW, ADA, "GET")).contains("picture is not public");
        assertThat(refusal(STRICT, Route.PROFILE_PICTURE, ADA, "HEAD")).contains("picture is not public");
        assertThat(refusal(STRICT, Route.PROFILE_BY_ID, ADA, "GET")).isNull();
    }

    @Test
    void aPersonMayListOnlyByPublicFields() {
        HttpServletRequest ada = request(ADA, "GET");

        assertThatThrownBy(() -> DEFAULTS.checkFilters(new ProfileQuery(null, null, "a@example.com", 0, 10), ada))
                .hasMessage("listing by email needs a service token: email is not public");
        assertThatThrownBy(() -> STRICT.checkFilters(new ProfileQuery("ada1815", null, null, 0, 10), ada))
                .hasMessageContaining("listing by username");
        assertThatThrownBy(() -> STRICT.checkFilters(new ProfileQuery(null, "ada", null, 0, 10), ada))
                .hasMessageContaining("listing by nickname");
        assertThatNoException().isThrownBy(() -> DEFAULTS.checkFilters(new ProfileQuery("ada1815", "ada", null, 0, 10),
                ada));
        assertThatNoException().isThrownBy(() -> STRICT.checkFilters(new ProfileQuery(null, null, "a@example.com", 0,
                10), request(BearerTokenAuthenticator.SERVICE, "GET")));
    }

    @Test
    void servicesSeeTheStoredProfileAndPeopleItsPublicView() {
        StoredProfile stored = StoredProfile.of(Profile.builder().recordId(7L).name("Ada").userId("ada1815")
                .email("ada@example.com").build(), new Version(3));

        assertThat(DEFAULTS.view(request(BearerTokenAuthenticator.SERVICE, "GET"), stored)).isSameAs(stored);
        StoredProfile view = DEFAULTS.view(request(ADA, "GET"), stored);
        assertThat(new String(view.json(), StandardCharsets.UTF_8))
                .isEqualTo("{\"record_id\":7,\"name\":\"Ada\",\"user_id\":\"ada1815\"}");
        assertThat(view.version()).isEqualTo(stored.version());
        assertThat(DEFAULTS.seesPublicViews(request(ADA, "GET"))).isTrue();
        assertThat(DEFAULTS.seesPublicViews(request(null, "GET"))).isFalse();
    }
}
