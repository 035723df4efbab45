package io.profilekit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.sample.SampleDataLoader;
import io.profilekit.server.ProfileServer;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ceiling is only a fair anchor if it answers what profilekit answers for the same store. */
class CeilingServerTest {

    private static final int PROFILES = 20;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Server ceiling;
    private static Server blockingCeiling;
    private static ProfileApi api;
    private static ProfileServer profilekit;
    private static Map<Long, String> pictureUrls;

    @BeforeAll
    static void start() throws Exception {
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        new SampleDataLoader(repository, DemoDocuments.SEED).load(PROFILES, true, n -> { });
        api = ProfileApi.builder(repository).authenticator(new BearerTokenAuthenticator(List.of("t")))
                .pictureBaseUrl("http://profilekit.bench").build();
        profilekit = ProfileServer.builder().port(0).api(api).start();
        pictureUrls = PictureUrls.fetch(profilekit.uri(), "t");
        ceiling = CeilingServer.start(0, DemoDocuments.generate(PROFILES), pictureUrls, false);
        blockingCeiling = CeilingServer.start(0, DemoDocuments.generate(PROFILES), pictureUrls, true);
    }

    @AfterAll
    static void stop() throws Exception {
        profilekit.close();
        api.close();
        ceiling.stop();
        blockingCeiling.stop();
    }

    @Test
    void answersTheSeedRoutesWithProfilekitsBytes() throws Exception {
        for (String path : List.of("/api/v1/id/7", "/api/v1/picture/raw/7")) {
            HttpResponse<byte[]> ours = get(profilekit.uri(), path, null);
            HttpResponse<byte[]> bare = get(ceilingUri(), path, null);

            assertThat(bare.statusCode()).isEqualTo(ours.statusCode()).isEqualTo(200);
            assertThat(bare.headers().firstValue("Content-Type")).isEqualTo(ours.headers().firstValue("Content-Type"));
            assertThat(bare.body()).isEqualTo(ours.body());
        }
    }

    @Test
    void answersAUsernameWithItsProfile() throws Exception {
        String username = new String(get(profilekit.uri(), "/api/v1/profiles/3", null).body())
                .replaceAll("(?s).*\"user_id\":\"([^\"]+)\".*", "$1");

        assertThat(get(ceilingUri(), "/api/v1/username/" + username, null).body())
                .isEqualTo(get(profilekit.uri(), "/api/v1/username/" + username, null).body());
    }

    @Test
    void answersAResourceWithItsBytesAndAnEtagItHonours() throws Exception {
        HttpResponse<byte[]> first = get(ceilingUri(), "/api/v1/profiles/5", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> ours = get(profilekit.uri(), "/api/v1/profiles/5", null);
        assertThat(first.body()).isEqualTo(ours.body());
        assertThat(etag.substring(etag.indexOf('-')))
                .isEqualTo(ours.headers().firstValue("ETag").orElseThrow().replaceAll("^\"[0-9a-f]+", ""));
        assertThat(get(ceilingUri(), "/api/v1/profiles/5", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void readsEveryProfilesPictureUrlFromTheListing() {
        assertThat(pictureUrls).hasSize(PROFILES).containsKey(1L);
        assertThat(pictureUrls.get(7L)).startsWith("http://profilekit.bench/pictures/7?v=");
    }

    @Test
    void answersAPictureUrlWithProfilekitsRenderAt64Pixels() throws Exception {
        String path = pictureUrls.get(7L).substring("http://profilekit.bench".length()) + "&size=64";

        HttpResponse<byte[]> ours = get(profilekit.uri(), path, null);
        HttpResponse<byte[]> bare = get(ceilingUri(), path, null);

        assertThat(bare.statusCode()).isEqualTo(ours.statusCode()).isEqualTo(200);
        assertThat(bare.headers().firstValue("Content-Type")).isEqualTo(ours.headers().firstValue("Content-Type"));
        assertThat(bare.body()).isEqualTo(ours.body());
    }

    @Test
    void answersFromABlockingHandlerWithTheSameBytes() throws Exception {
        assertThat(blockingCeiling.getHandler().getInvocationType()).isEqualTo(InvocationType.BLOCKING);
        assertThat(ceiling.getHandler().getInvocationType()).isEqualTo(InvocationType.NON_BLOCKING);
        assertThat(get(uri(blockingCeiling), "/api/v1/id/7", null).body()).isEqualTo(get(ceilingUri(), "/api/v1/id/7", null).body());
    }

    @Test
    void answersAPutWithItsBody() throws Exception {
        String body = "{\"user_id\":\"bench5\",\"name\":\"Bench Mark\"}";
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(ceilingUri().resolve("/api/v1/profiles/5"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("If-Match", "*").build(), BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).isEqualTo(body);
    }

    @Test
    void answers404ForWhatItDoesNotHold() throws Exception {
        assertThat(get(ceilingUri(), "/api/v1/id/" + (PROFILES + 1), null).statusCode()).isEqualTo(404);
    }

    private static URI ceilingUri() {
        return uri(ceiling);
    }

    private static URI uri(Server server) {
        return URI.create("http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    private static HttpResponse<byte[]> get(URI base, String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer t");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), BodyHandlers.ofByteArray());
    }
}
