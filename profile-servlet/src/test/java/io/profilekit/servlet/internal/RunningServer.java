package io.profilekit.servlet.internal;

import io.profilekit.core.ProfileRepository;
import io.profilekit.server.ProfileServer;
import io.profilekit.servlet.ApiLimits;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import io.profilekit.servlet.internal.profiles.ProfileResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A {@link ProfileServer} on an ephemeral port, and an HTTP client to call it with. Every
 * answer to a documented route is checked against openapi.yaml on the way. The server answers
 * through Jetty's core handler, or, with the system property {@value #ADAPTER} set to
 * {@code servlet} (the build's second run of the HTTP tests), through the servlet adapter: the
 * same suite holds both to the same answers.
 */
public final class RunningServer implements AutoCloseable {

    public static final String TOKEN = "test-token-4f9a1c2e";
    /** The system property that picks the adapter the tests' servers answer through. */
    public static final String ADAPTER = "profilekit.test.adapter";

    public final ProfileRepository repository;
    public final ProfileApi api;
    public final ProfileServer server;
    public final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningServer(ProfileRepository repository, ProfileApi api, ProfileServer server) {
        this.repository = repository;
        this.api = api;
        this.server = server;
    }

    public static RunningServer start(ProfileRepository repository) throws Exception {
        return start(repository, ApiLimits.DEFAULTS);
    }

    public static RunningServer start(ProfileRepository repository, ApiLimits limits) throws Exception {
        return start(repository, builder -> builder.limits(limits));
    }

    /** A server whose API {@code configure} finishes (it starts with the test token and the access log). */
    public static RunningServer start(ProfileRepository repository, UnaryOperator<ProfileApi.Builder> configure)
            throws Exception {
        ProfileApi api = configure.apply(ProfileApi.builder(repository)
                .authenticator(new BearerTokenAuthenticator(List.of(TOKEN)))
                .accessLog(true))
                .build();
        // Stopped at once: a graceful stop waits a second for the client's idle keep-alive connections.
        ProfileServer server = ProfileServer.builder().port(0).api(api).servletContext(servlets())
                .stopTimeout(Duration.ZERO).start();
        return new RunningServer(repository, api, server);
    }

    /** Whether the tests' servers answer through the servlet adapter. */
    public static boolean servlets() {
        return "servlet".equals(System.getProperty(ADAPTER));
    }

    /** GET with the test token as a bearer token. */
    public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send("GET", path, "Authorization", "Bearer " + TOKEN);
    }

    /** A request without body, with exactly the given headers (name, value, name, value...). */
    public HttpResponse<byte[]> send(String method, String path, String... headers)
            throws IOException, InterruptedException {
        return exchange(method, path, null, headers);
    }

    /** A request with the test token, a body, and the given headers. */
    public HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + TOKEN;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return exchange(method, path, body, all);
    }

    /** A request with a body and exactly the given headers (no token unless among them). */
    public HttpResponse<byte[]> sendExactly(String method, String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        return exchange(method, path, body, headers);
    }

    /** A JSON request with the test token. */
    public HttpResponse<byte[]> json(String method, String path, String json, String... headers)
            throws IOException, InterruptedException {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = method.equals("PATCH") ? ProfileResource.MERGE_PATCH : "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, json.getBytes(StandardCharsets.UTF_8), all);
    }

    /** Sends a request ({@code body} null for none) and holds it and its answer to openapi.yaml. */
    private HttpResponse<byte[]> exchange(String method, String path, byte[] body, String[] headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        OpenApiContract.check(method, path, response);
        if (body != null && response.statusCode() < 300) {
            OpenApiContract.checkAcceptedRequest(method, path, contentType(headers), body);
        }
        if (response.statusCode() >= 400) {
            JavaNames.check(method + " " + path, new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    /**
     * Sends {@code request} as it is, bytes no client library would send, and reads the answer
     * until the server closes the connection. The request is written while the answer is read,
     * so a server that answers early and stops reading is heard, not deadlocked on.
     */
    public String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                } catch (IOException closedEarly) {
                    // the server answered and closed before taking all of it: that is the point
                }
            });
            writer.start();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (SocketException reset) {
                // a reset after the answer arrived: keep what was read
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            JavaNames.check("a raw request", new String(answer.toByteArray(), StandardCharsets.UTF_8));
            return text;
        }
    }

    private static String contentType(String[] headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                return headers[i + 1];
            }
        }
        return "";
    }

    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        server.stop();
        api.close();
        repository.close();
    }
}
