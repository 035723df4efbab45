package io.profilekit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.server.ProfileServer;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Couchbase-path ceiling is only a fair anchor if it answers what profilekit answers from the same documents. */
class CouchbaseCeilingServerTest {

    private static final String TOKEN = "ceiling-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ProfileApi api;
    private static ProfileServer profilekit;
    private static Server ceiling;
    private static long id;

    @BeforeAll
    static void start() throws Exception {
        MockCouchbase.flush();
        ProfileRepository repository = ProfileRepository.of(
                CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE));
        id = repository.create(Profile.builder().userId("ceiling1").name("Céline Ceiling").nickname("cc").build()).recordId();
        api = ProfileApi.builder(repository).authenticator(new BearerTokenAuthenticator(List.of(TOKEN))).build();
        profilekit = ProfileServer.builder().port(0).api(api).start();
        ceiling = CouchbaseCeilingServer.start(0, MockCouchbase.cluster().bucket(MockCouchbase.BUCKET)
                .defaultCollection().async(), TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        profilekit.close();
        api.close();
        ceiling.stop();
    }

    @Test
    void answersAProfileByIdWithProfilekitsBytes() throws Exception {
        HttpResponse<byte[]> ours = get(profilekit.uri(), "/api/v1/id/" + id, TOKEN);
        HttpResponse<byte[]> bare = get(ceilingUri(), "/api/v1/id/" + id, TOKEN);

        assertThat(bare.statusCode()).isEqualTo(ours.statusCode()).isEqualTo(200);
        assertThat(bare.headers().firstValue("Content-Type")).isEqualTo(ours.headers().firstValue("Content-Type"));
        assertThat(bare.body()).isEqualTo(ours.body());
    }

    @Test
    void refusesAWrongToken() throws Exception {
        assertThat(get(ceilingUri(), "/api/v1/id/" + id, "not-" + TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void answersAnUnknownIdWith404() throws Exception {
        assertThat(get(ceilingUri(), "/api/v1/id/" + (id + 1000), TOKEN).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<byte[]> get(URI server, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.resolve(path)).header("Authorization", "Bearer " + token).build(),
                BodyHandlers.ofByteArray());
    }

    private static URI ceilingUri() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) ceiling.getConnectors()[0]).getLocalPort());
    }
}
