package io.profilekit.faults;

import com.couchbase.mock.CouchbaseMock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * CouchbaseMock in a process of its own, as a database server is: its control API injects
 * faults into what it answers, and SIGSTOP / SIGCONT suspend and resume it like a hung node.
 */
final class CouchbaseMockProcess implements AutoCloseable {

    static final String BUCKET = "profiles";
    static final String PASSWORD = "secret";

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private CouchbaseMockProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the mock with one bucket on one node, and waits until it answers. (With more nodes
     * the mock gives them all one management address, which the SDK takes for one node.)
     */
    static CouchbaseMockProcess start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path jar = Path.of(CouchbaseMock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--port", Integer.toString(port), "--nodes", "1", "--replicas", "0",
                "--buckets", BUCKET + ":" + PASSWORD + ":couchbase"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        CouchbaseMockProcess mock = new CouchbaseMockProcess(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                mock.control("/mock/opfail?code=0&count=0");
                return mock;
            } catch (IOException | IllegalStateException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    process.destroyForcibly();
                    throw new IllegalStateException("CouchbaseMock did not start", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    String connectionString() {
        return "couchbase://127.0.0.1:" + port + "=manager";
    }

    /** Calls the control API, such as {@code /mock/hiccup?msecs=1500&offset=8}. */
    void control(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(new URI("http://127.0.0.1:" + port + pathAndQuery))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        if (!answer.body().contains("\"ok\"")) {
            throw new IllegalStateException("the mock refused " + pathAndQuery + ": " + answer.body());
        }
    }

    /** Suspends the process (SIGSTOP): a node that hangs, connections open, nothing answered. */
    void suspend() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Resumes a suspended process (SIGCONT). */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("kill -" + name + " failed with status " + status);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
