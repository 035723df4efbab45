package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server that accepts connections only once its store is ready, with its port taken first. */
class ProfileServerStartTest {

    private final ProfileApi api = ProfileApi.builder(ProfileRepository.of(new InMemoryProfileStore()))
            .authenticator(new BearerTokenAuthenticator(List.of("start-test-token"))).build();

    @AfterEach
    void close() {
        api.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private ProfileServer.Builder builder(int port, CompletableFuture<?> ready) {
        return ProfileServer.builder().port(port).api(api).stopTimeout(Duration.ZERO).acceptAfter(ready);
    }

    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] head = new byte[12];
        int read = 0;
        while (read < head.length) {
            int n = in.read(head, read, head.length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return new String(head, 0, read, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aClientThatConnectsBeforeTheStoreIsReadyIsAnsweredOnceItIs() throws Exception {
        int port = freePort();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        CompletableFuture<ProfileServer> started = CompletableFuture.supplyAsync(() -> {
            try {
                return builder(port, ready).start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Socket early = connectWhenBound(port);
        early.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        early.setSoTimeout(300);

        assertThatThrownBy(() -> early.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        assertThat(started).isNotDone();

        ready.complete(null);
        early.setSoTimeout(10_000);
        try (early; ProfileServer server = started.get()) {
            assertThat(readAnswer(early)).isEqualTo("HTTP/1.1 200");
            assertThat(server.port()).isEqualTo(port);
        }
    }

    @Test
    void aStoreThatFailsToBecomeReadyFailsTheStartWithItsErrorAndFreesThePort() throws Exception {
        int port = freePort();
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(new IllegalStateException("no demo people"));

        assertThatThrownBy(() -> builder(port, failed).start())
                .isInstanceOf(IllegalStateException.class).hasMessage("no demo people");
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aPortInUseFailsTheStartWithoutWaitingForTheStore() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            CompletableFuture<Void> never = new CompletableFuture<>();

            assertThatThrownBy(() -> builder(taken.getLocalPort(), never).start()).isInstanceOf(IOException.class);
            assertThat(never).isNotDone();
        }
    }

    /** A connection to {@code port} as soon as the server has bound it. */
    private static Socket connectWhenBound(int port) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return new Socket("localhost", port);
            } catch (IOException refused) {
                if (attempt > 500) {
                    throw refused;
                }
                Thread.sleep(20);
            }
        }
    }
}
