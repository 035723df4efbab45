package io.profilekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.FieldVisibility;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.SearchField;
import io.profilekit.core.internal.Json;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.spi.ProfileStore;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.Authenticator;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import io.profilekit.servlet.auth.OidcAuthenticator;
import io.profilekit.servlet.auth.TestIssuer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/search} over HTTP: its answer, its errors, and what people may search by. */
class SearchRouteTest {

    private static TestIssuer issuer;
    private RunningServer http;

    @BeforeAll
    static void startIssuer() throws Exception {
        issuer = TestIssuer.start();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @AfterEach
    void stop() throws Exception {
        if (http != null) {
            http.close();
        }
    }

    private void start(UnaryOperator<ProfileApi.Builder> configure) throws Exception {
        start(ProfileRepository.of(new InMemoryProfileStore()), configure);
    }

    private void start(ProfileRepository repository, UnaryOperator<ProfileApi.Builder> configure)
            throws Exception {
        Authenticator authenticator = Authenticator.firstOf(new BearerTokenAuthenticator(List.of(RunningServer.TOKEN)),
                OidcAuthenticator.builder(issuer.issuer(), TestIssuer.AUDIENCE).jwksUrl(issuer.jwksUrl()).build());
        http = RunningServer.start(repository, builder -> configure.apply(builder.authenticator(authenticator)));
        http.repository.create(Profile.builder().recordId(1L).userId("larmstrong").name("Lolita Armstrong")
                .nickname("lolita").email("lolita.armstrong@example.com").phone("555-0101").build());
        http.repository.create(Profile.builder().recordId(2L).userId("lsmith").name("Lola Smith").nickname("lola")
                .email("secret.agent@navy.example").build());
        http.repository.create(Profile.builder().recordId(3L).userId("jose").name("José Müller").nickname("pepe")
                .email("jm@example.com").build());
    }

    private HttpResponse<byte[]> asPerson(String path) throws Exception {
        return http.send("GET", path, "Authorization", "Bearer " + issuer.token("someone"));
    }

    private static List<Long> ids(HttpResponse<byte[]> response) throws Exception {
        List<Long> ids = new ArrayList<>();
        Json.MAPPER.readTree(response.body()).get("items").forEach(item -> ids.add(item.get("record_id").asLong()));
        return ids;
    }

    private static String detail(HttpResponse<byte[]> response) throws Exception {
        return Json.MAPPER.readTree(response.body()).get("detail").asText();
    }

    @Test
    void answersTheMatchesAsItemsBestFirst() throws Exception {
        start(builder -> builder);

        HttpResponse<byte[]> response = http.get("/api/v1/search?q=lol%20arm");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertThat(answer.fieldNames()).toIterable().containsExactly("items");
        assertThat(answer.get("items").get(0).get("name").asText()).isEqualTo("Lolita Armstrong");
        assertThat(answer.get("items").get(0).has("picture_url")).isTrue();
        assertThat(ids(response)).containsExactly(1L);
    }

    @Test
    void anExactNicknameComesBeforeAPrefix() throws Exception {
        start(builder -> builder);

        assertThat(ids(http.get("/api/v1/search?q=lola"))).containsExactly(2L);
        assertThat(ids(http.get("/api/v1/search?q=lol"))).containsExactly(1L, 2L);
        assertThat(ids(http.get("/api/v1/search?q=lolita"))).containsExactly(1L);
    }

    @Test
    void accentsAndCaseDoNotMatter() throws Exception {
        start(builder -> builder);

        assertThat(ids(http.get("/api/v1/search?q=JOSE%20muller"))).containsExactly(3L);
        assertThat(ids(http.get("/api/v1/search?q=M%C3%BCll"))).containsExactly(3L);
    }

    @Test
    void limitCutsTheAnswer() throws Exception {
        start(builder -> builder);

        assertThat(ids(http.get("/api/v1/search?q=l&limit=1"))).containsExactly(1L);
    }

    @Test
    void aServiceFindsPeopleByTheirEmail() throws Exception {
        start(builder -> builder);

        assertThat(ids(http.get("/api/v1/search?q=navy"))).containsExactly(2L);
    }

    @Test
    void aPersonCannotFindAnyoneByAHiddenEmailAndSeesPublicViews() throws Exception {
        start(builder -> builder);

        HttpResponse<byte[]> byEmail = asPerson("/api/v1/search?q=secret%20agent");
        HttpResponse<byte[]> byName = asPerson("/api/v1/search?q=lola");

        assertThat(byEmail.statusCode()).isEqualTo(200);
        assertThat(ids(byEmail)).isEmpty();
        assertThat(ids(byName)).containsExactly(2L);
        JsonNode item = Json.MAPPER.readTree(byName.body()).get("items").get(0);
        assertThat(item.has("email")).isFalse();
        assertThat(item.has("name")).isTrue();
    }

    @Test
    void aPersonSearchesAHiddenFieldOnceItIsPublic() throws Exception {
        start(builder -> builder.fieldVisibility(new FieldVisibility(Set.of("record_id", "user_id", "name", "email"), Set.of())));

        assertThat(ids(asPerson("/api/v1/search?q=navy"))).containsExactly(2L);
    }

    @Test
    void aPersonWhoMaySearchNoFieldIsRefused() throws Exception {
        start(builder -> builder.fieldVisibility(new FieldVisibility(Set.of("record_id"), Set.of())));

        HttpResponse<byte[]> response = asPerson("/api/v1/search?q=lola");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(detail(response)).isEqualTo("search needs a service token: none of the searched fields is public");
    }

    @Test
    void servicesSearchOnlyTheConfiguredFields() throws Exception {
        start(builder -> builder.searchFields(Set.of(SearchField.NAME)));

        assertThat(ids(http.get("/api/v1/search?q=navy"))).isEmpty();
        assertThat(ids(http.get("/api/v1/search?q=smith"))).containsExactly(2L);
    }

    @Test
    void badParametersAre400sThatSayWhatIsWrong() throws Exception {
        start(builder -> builder);

        assertThat(detail(http.get("/api/v1/search"))).isEqualTo(
                "query parameter 'q' is missing: it holds what to search for");
        assertThat(detail(http.get("/api/v1/search?q="))).isEqualTo(
                "query parameter 'q': the search text has no letter or digit to search for");
        assertThat(detail(http.get("/api/v1/search?q=%20-.!"))).isEqualTo(
                "query parameter 'q': the search text has no letter or digit to search for");
        assertThat(detail(http.get("/api/v1/search?q=" + "a".repeat(101)))).isEqualTo(
                "query parameter 'q': the search text is longer than 100 characters");
        assertThat(detail(http.get("/api/v1/search?q=ada&limit=51"))).isEqualTo(
                "query parameter 'limit' must be a whole number from 1 to 50, not '51'");
        assertThat(detail(http.get("/api/v1/search?q=ada&limit=x"))).isEqualTo(
                "query parameter 'limit' must be a whole number from 1 to 50, not 'x'");
        assertThat(detail(http.get("/api/v1/search?q=ada&q=bob"))).isEqualTo(
                "query parameter 'q' is given more than once");
        assertThat(detail(http.get("/api/v1/search?q=ada&fields=email"))).isEqualTo(
                "unknown query parameter 'fields'; search takes q and limit");
        assertThat(http.get("/api/v1/search?q=").statusCode()).isEqualTo(400);
    }

    /** A store that keeps the interface's default search, as one written before search existed would. */
    private static ProfileStore storeWithoutSearch() {
        ProfileStore memory = new InMemoryProfileStore();
        return (ProfileStore) Proxy.newProxyInstance(ProfileStore.class.getClassLoader(),
                new Class<?>[] {ProfileStore.class}, (proxy, method, arguments) -> method.getName().equals("search")
                        ? InvocationHandler.invokeDefault(proxy, method, arguments)
                        : method.invoke(memory, arguments));
    }

    @Test
    void aStoreThatCannotSearchAnswers501() throws Exception {
        start(ProfileRepository.of(storeWithoutSearch()), builder -> builder);

        HttpResponse<byte[]> response = http.get("/api/v1/search?q=lola");

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(detail(response)).isEqualTo("this profile store does not search");
    }
}
