package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.ApiLimits;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send slowly, or stop sending, are cut off, and cannot take every thread: the
 * server's deadlines here are shortened so that each case ends within seconds.
 */
class SlowClientsTest {

    private static final String TOKEN = "slow-clients-token";
    private static final ApiLimits TWO_BODIES_AT_ONCE = new ApiLimits(64 * 1024, 1024 * 1024, 2048, 2);

    private final List<Socket> sockets = new ArrayList<>();
    private ProfileApi api;
    private ProfileServer server;

    private void start(ProfileServer.Builder builder) throws Exception {
        ProfileRepository memory = ProfileRepository.of(new InMemoryProfileStore());
        memory.create(Profile.builder().recordId(1L).userId("ada1815").build());
        api = ProfileApi.builder(memory).authenticator(new BearerTokenAuthenticator(List.of(TOKEN)))
                .limits(TWO_BODIES_AT_ONCE).build();
        server = builder.port(0).api(api).start();
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        server.stop();
        api.close();
    }

    @Test
    void aConnectionStillSendingHeadersAfterTheHeaderTimeoutIsClosedUnanswered() throws Exception {
        start(ProfileServer.builder().headerTimeout(Duration.ofSeconds(1)).idleTimeout(Duration.ofSeconds(5)));
        Socket socket = connect();
        Thread dripper = drip(socket, "GET /healthz HTTP/1.1\r\nHost: x\r\n", "X-Slow: 1\r\n", 200);

        assertThat(answer(socket)).isEmpty();
        dripper.join(30_000);
        assertThat(dripper.isAlive()).as("the server closed the connection it was dripping into").isFalse();
    }

    @Test
    void aBodyArrivingBelowTheMinimumRateIs408() throws Exception {
        start(ProfileServer.builder().minBodyRate(1024).idleTimeout(Duration.ofSeconds(5)));
        Socket socket = connect();
        drip(socket, post(100) + "{", " ", 200);

        assertThat(answer(socket)).startsWith("HTTP/1.1 408 ").contains("Connection: close",
                "application/problem+json", "the body did not arrive in time");
    }

    @Test
    void aBodyThatStopsArrivingIs408AfterTheIdleTimeout() throws Exception {
        start(ProfileServer.builder().idleTimeout(Duration.ofSeconds(1)));
        Socket socket = connect();
        write(socket, post(100) + "{\"user_id\":");

        assertThat(answer(socket)).startsWith("HTTP/1.1 408 ").contains("the body did not arrive in time");
    }

    @Test
    void bodiesBeyondTheConcurrentReadLimitAre503WhileHealthAndReadsAnswer() throws Exception {
        start(ProfileServer.builder().minBodyRate(0).idleTimeout(Duration.ofSeconds(30)));
        for (int i = 0; i < TWO_BODIES_AT_ONCE.maxConcurrentBodyReads(); i++) {
            write(connect(), post(100) + "{");
        }

        String refused = "";
        for (int attempt = 0; attempt < 100 && !refused.startsWith("HTTP/1.1 503 "); attempt++) {
            Socket socket = connect();
            write(socket, post(1).replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n") + "{");
            refused = answer(socket);
            Thread.sleep(50);
        }

        assertThat(refused).startsWith("HTTP/1.1 503 ").contains("Retry-After: 1", "Connection: close",
                "too many requests are sending bodies at once");
        assertThat(request("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200 ");
        assertThat(request("GET /api/v1/id/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ").contains("ada1815");
    }

    private static String post(int contentLength) {
        return "POST /api/v1/profiles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("localhost", server.port());
        socket.setSoTimeout(30_000);
        sockets.add(socket);
        return socket;
    }

    private String request(String text) throws IOException {
        Socket socket = connect();
        write(socket, text);
        return answer(socket);
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Writes {@code first}, then {@code each} every {@code periodMillis} until the socket fails. */
    private static Thread drip(Socket socket, String first, String each, long periodMillis) throws IOException {
        write(socket, first);
        Thread dripper = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(periodMillis);
                    write(socket, each);
                }
            } catch (IOException | InterruptedException closed) {
                // the server closed the connection
            }
        }, "dripper");
        dripper.setDaemon(true);
        dripper.start();
        return dripper;
    }

    /** What the server sent until it closed the connection. */
    private static String answer(Socket socket) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            socket.getInputStream().transferTo(answer);
        } catch (SocketException reset) {
            // closed with the drip unread: what arrived before counts
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }
}
