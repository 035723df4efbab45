package io.profilekit.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ProfileHandler} among a Jetty program's own handlers. */
class ProfileHandlerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final ProfileApi api = ProfileApi.builder(ProfileRepository.of(new InMemoryProfileStore()))
            .authenticator(new BearerTokenAuthenticator(List.of("test-token-4f9a1c2e")))
            .build();
    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        api.close();
    }

    @Test
    void underAPrefixAnswersItsRoutesThere() throws Exception {
        start("/profiles");

        HttpResponse<String> response = get("/profiles/api/v1/profiles", "Bearer test-token-4f9a1c2e");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void underAPrefixLeavesOtherPathsToTheNextHandler() throws Exception {
        start("/profiles");

        assertThat(get("/healthz", null).body()).isEqualTo("host");
        assertThat(get("/profilesX/healthz", null).body()).isEqualTo("host");
    }

    @Test
    void withoutAPrefixAnswersEveryPathItself() throws Exception {
        start("");

        HttpResponse<String> response = get("/nowhere", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private void start(String prefix) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Sequence(new ProfileHandler(api, prefix), new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.write(true, ByteBuffer.wrap("host".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        }));
        server.start();
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
