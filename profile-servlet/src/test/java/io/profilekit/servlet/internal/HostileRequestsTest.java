package io.profilekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.spi.ProfileStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * 20,000 generated hostile requests ({@link HostileRequests}), each on a connection of its own,
 * written whole and followed by the end of the client's output: every one is answered with a
 * status below 500, on a connection closed cleanly, and no answer names a Java class or holds
 * a stack trace. The seed of each worker is fixed, so a failure replays.
 */
class HostileRequestsTest {

    static final int REQUESTS = 20_000;
    private static final int WORKERS = 4;
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-z]|\\b(java|javax|jakarta|org\\.eclipse|com\\.couchbase|io\\.profilekit)\\.[a-z]");

    ProfileStore openStore() {
        return new InMemoryProfileStore();
    }

    /**
     * Whether the store answers listings of all profiles and by e-mail, and searches
     * (CouchbaseMock has neither SQL++ nor the Search service).
     */
    boolean listsEverything() {
        return true;
    }

    @Test
    void everyHostileRequestIsAnsweredBelow500WithNoInternalsAndNoReset() throws Exception {
        ProfileRepository repository = ProfileRepository.of(openStore());
        repository.create(Profile.builder().recordId(1L).userId("ada1815").nickname("ada").build());
        List<String> failures = new ArrayList<>();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        try (RunningServer http = RunningServer.start(repository, builder -> builder.scim(true))) {
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int worker = 0; worker < WORKERS; worker++) {
                long seed = worker;
                results.add(workers.submit(() -> send(http.server.port(), seed, REQUESTS / WORKERS, statuses)));
            }
            for (Future<List<String>> result : results) {
                failures.addAll(result.get());
            }
            workers.shutdown();
        }

        long answered = statuses.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.println(getClass().getSimpleName() + " statuses: " + new TreeMap<>(statuses));
        assertThat(failures).as("requests answered wrongly (seed/index: what)").isEmpty();
        assertThat(answered).isEqualTo(REQUESTS);
    }

    private List<String> send(int port, long seed, int count, Map<String, LongAdder> statuses) {
        HostileRequests requests = new HostileRequests(seed, RunningServer.TOKEN);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] request = requests.next();
            String answer;
            try {
                answer = exchange(port, request);
                // Jetty 12.1 very rarely loses its header buffer on a connection it is closing
                // after a bad request (an "already released" buffer in its HttpConnection,
                // jetty/jetty.project#12939): about once in 100,000 here the answer is nothing,
                // once in a CI run it was only the body, which profilekit wrote whole, and once
                // nothing twice in a row. The same request, sent again up to three times, must
                // be answered properly, as profilekit's answer to a request never depends on chance.
                for (int attempt = 1; attempt <= 3 && !answer.startsWith("HTTP/1."); attempt++) {
                    String first = answer;
                    answer = exchange(port, request);
                    System.out.println(getClass().getSimpleName() + " " + seed + "/" + i + ": answered "
                            + (first.isEmpty() ? "nothing" : "without a status line") + " at attempt " + attempt
                            + ", then " + answer.lines().findFirst().orElse("nothing") + " to " + show(request));
                }
            } catch (IOException e) {
                failures.add(seed + "/" + i + ": " + e + " for " + show(request));
                continue;
            }
            String status = answer.length() >= 12 ? answer.substring(9, 12) : "none";
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (!answer.startsWith("HTTP/1.1 ") && !answer.startsWith("HTTP/1.0 ")
                    || status.startsWith("5") && !(status.equals("501") && (needsQueryOrSearch(request)
                            || isUnsupportedScim(request)))) {
                failures.add(seed + "/" + i + ": answered " + show(answer.getBytes(StandardCharsets.ISO_8859_1))
                        + " to " + show(request));
            } else if (INTERNALS.matcher(answer).find()) {
                failures.add(seed + "/" + i + ": internals in " + answer);
            }
        }
        return failures;
    }

    /** Whether the request lists or exports profiles through SQL++, or searches, where the store can do neither. */
    private boolean needsQueryOrSearch(byte[] request) {
        String line = new String(request, StandardCharsets.ISO_8859_1).split("\r?\n", 2)[0];
        return !listsEverything() && (line.matches("[A-Z]+ /api/v1/profiles(\\?.*)? .*")
                && !line.contains("username=") && !line.contains("nickname=")
                || line.matches("[A-Z]+ /api/v1/search(\\?.*)? .*")
                || line.matches("[A-Z]+ /api/v1/profiles/export(\\?.*)? .*")
                || line.matches("[A-Z]+ /scim/v2/Users/?(\\?.*)? .*") && !line.contains("userName%20eq")
                        && !line.contains("id%20eq"));
    }

    /** Whether the request is for a SCIM endpoint profilekit does not serve ({@code /Groups}), answered 501. */
    private static boolean isUnsupportedScim(byte[] request) {
        String line = new String(request, StandardCharsets.ISO_8859_1).split("\r?\n", 2)[0];
        return line.matches("[A-Za-z]+ /scim/v2/(Groups|Bulk|Me)([/?;].*)? .*");
    }

    /** Writes the request, ends the output, and reads until the server closes; a reset throws. */
    private static String exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                socket.shutdownOutput();
            } catch (IOException answeredEarly) {
                // the server answered and closed before taking all of it; its answer is read below
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String show(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return (text.length() > 300 ? text.substring(0, 300) + "..." : text).replace("\r", "\\r").replace("\n", "\\n");
    }
}
