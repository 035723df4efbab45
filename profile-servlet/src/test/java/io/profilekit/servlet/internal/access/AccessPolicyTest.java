package io.profilekit.servlet.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.FieldVisibility;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ReadOnlyFieldException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.servlet.auth.Caller;
import io.profilekit.servlet.auth.Person;
import io.profilekit.servlet.auth.Service;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Route;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final Person ADA = new Person("ada1815");
    private static final Service SERVICE = Service.WITH_TOKEN;
    private static final AccessPolicy DEFAULTS = new AccessPolicy(FieldVisibility.DEFAULTS, SearchQuery.DEFAULT_FIELDS);
    /** Nothing public but the record id and the name. */
    private static final AccessPolicy STRICT = new AccessPolicy(new FieldVisibility(Set.of("record_id", "name"), Set.of()),
            SearchQuery.DEFAULT_FIELDS);

    private static String refusal(AccessPolicy rules, Route route, Caller caller, String method) {
        try {
            rules.check(route, method, caller);
            return null;
        } catch (HttpProblem problem) {
            assertThat(problem.status()).isEqualTo(403);
            return problem.getMessage();
        }
    }

    @Test
    void aServiceMayDoEverythingButMe() {
        for (Route route : new Route[] {Route.PROFILE, Route.PROFILES, Route.PROFILE_PICTURE, Route.PROFILE_BY_ID}) {
            assertThat(refusal(STRICT, route, SERVICE, "DELETE")).isNull();
        }
        assertThat(refusal(DEFAULTS, Route.ME, SERVICE, "GET"))
                .contains("a service token names no person", "/api/v1/profiles/{id}");
        assertThat(refusal(DEFAULTS, Route.ME_PICTURE, SERVICE, "GET")).isNotNull();
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
        Caller ada = ADA;

        assertThatThrownBy(() -> DEFAULTS.checkFilters(new ProfileQuery(null, null, "a@example.com", 0, 10), ada))
                .hasMessage("listing by email needs a service token: email is not public");
        assertThatThrownBy(() -> STRICT.checkFilters(new ProfileQuery("ada1815", null, null, 0, 10), ada))
                .hasMessageContaining("listing by username");
        assertThatThrownBy(() -> STRICT.checkFilters(new ProfileQuery(null, "ada", null, 0, 10), ada))
                .hasMessageContaining("listing by nickname");
        assertThatNoException().isThrownBy(() -> DEFAULTS.checkFilters(new ProfileQuery("ada1815", "ada", null, 0, 10),
                ada));
        assertThatNoException().isThrownBy(() -> STRICT.checkFilters(new ProfileQuery(null, null, "a@example.com", 0,
                10), SERVICE));
    }

    @Test
    void servicesSeeTheStoredProfileAndPeopleItsPublicView() {
        StoredProfile stored = StoredProfile.of(Profile.builder().recordId(7L).name("Ada").userId("ada1815")
                .email("ada@example.com").build(), new Version(3));

        assertThat(DEFAULTS.view(SERVICE, stored)).isSameAs(stored);
        StoredProfile view = DEFAULTS.view(ADA, stored);
        assertThat(new String(view.json(), StandardCharsets.UTF_8))
                .isEqualTo("{\"record_id\":7,\"name\":\"Ada\",\"user_id\":\"ada1815\"}");
        assertThat(view.version()).isEqualTo(stored.version());
        assertThat(DEFAULTS.seesPublicViews(ADA)).isTrue();
        assertThat(DEFAULTS.seesPublicViews(SERVICE)).isFalse();
    }

    @Test
    void aPersonsReplacementKeepsTheReadOnlyFieldsItLeavesOut() {
        Profile current = Profile.builder().recordId(7L).userId("ada1815").emailVerified(true).name("Ada").build();
        Profile replacement = Profile.builder().recordId(7L).name("Ada King").build();

        Profile stored = DEFAULTS.replacement(ADA, current, replacement);

        assertThat(stored.userId()).isEqualTo("ada1815");
        assertThat(stored.emailVerified()).isTrue();
        assertThat(stored.name()).isEqualTo("Ada King");
        assertThat(DEFAULTS.replacement(SERVICE, current, replacement)).isSameAs(replacement);
    }

    @Test
    void aPersonsChangeOfAReadOnlyFieldIsRefusedAndAServicesIsNot() {
        Profile current = Profile.builder().recordId(7L).userId("ada1815").name("Ada").build();
        Profile renamed = current.toBuilder().userId("ada2").build();

        assertThatThrownBy(() -> DEFAULTS.patched(ADA, current, renamed)).isInstanceOf(ReadOnlyFieldException.class)
                .hasMessageStartingWith("'user_id' cannot be changed");
        assertThat(DEFAULTS.patched(SERVICE, current, renamed)).isSameAs(renamed);
    }

    @Test
    void aPersonsNewProfileTakesTheUsernameOfTheirToken() {
        assertThat(DEFAULTS.ownNewProfile(ADA, Profile.builder().name("Ada").build()).userId()).isEqualTo("ada1815");
        assertThatThrownBy(() -> DEFAULTS.ownNewProfile(ADA, Profile.builder().userId("grace").build()))
                .isInstanceOf(ReadOnlyFieldException.class);
    }
}
