package io.profilekit.servlet;

import io.profilekit.core.ProfileRepository;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** A {@link ProfileServer} on an ephemeral port, and an HTTP client to call it with. */
final class RunningServer implements AutoCloseable {

    static final String TOKEN = "test-token-4f9a1c2e";

    final ProfileRepository repository;
    final ProfileServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningServer(ProfileRepository repository, ProfileServer server) {
        this.repository = repository;
        this.server = server;
    }

    static RunningServer start(ProfileRepository repository) throws Exception {
        ProfileServer server = ProfileServer.builder()
                .port(0)
                .repository(repository)
                .authenticator(new BearerTokenAuthenticator(List.of(TOKEN)))
                .start();
        return new RunningServer(repository, server);
    }

    /** GET with the test token as a bearer token. */
    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send("GET", path, "Authorization", "Bearer " + TOKEN);
    }

    /** A request with exactly the given headers (name, value, name, value...). */
    HttpResponse<byte[]> send(String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends {@code request} as it is, bytes no client library would send, and reads the answer. */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        server.stop();
        repository.close();
    }
}
