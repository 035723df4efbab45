package io.profilekit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.server.ProfileServer;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two profilekit instances on one CouchbaseMock, run as a process of its own, with clients
 * creating (racing for shared usernames across both instances), patching, renaming, deleting
 * and uploading pictures while faults come and go: temporary failures, not-my-vbucket answers,
 * responses stalled past the timeout (writes applied but unconfirmed), responses cut into
 * fragments and cut to ten bytes, two faults at once, and the whole database suspended. Then
 * what must hold: every profile answered 201 is found by id, username and nickname; no username
 * has two profiles; no profile is unreachable by its username; no answer was a 500, and every
 * 503 carried {@code Retry-After}; every create retried after a 503 settled within 30 s, to 201
 * with its key, or to a 409 whose name a profile holds; every route answers 200 again within
 * ten seconds of the faults clearing. Each seed (the system property {@value #SEEDS}, a
 * comma-separated list, {@code 1,2} unless set) is one run with other clients' choices.
 */
class CouchbaseFaultsIT {

    /** The system property that lists the seeds to run the suite with. */
    static final String SEEDS = "profilekit.faults.seeds";

    private static final String TOKEN = "fault-suite-token-4d1e";
    private static final CouchbaseKeyspace KEYSPACE = CouchbaseKeyspace.defaultCollection(CouchbaseMockProcess.BUCKET);
    private static final Duration CALM = Duration.ofSeconds(3);
    private static final Duration KV_TIMEOUT = Duration.ofMillis(1000);

    static LongStream seeds() {
        return Arrays.stream(System.getProperty(SEEDS, "1").split(",")).map(String::trim).mapToLong(Long::parseLong);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void writesStayRightAndEveryRouteRecoversThroughFaults(long seed) throws Exception {
        try (CouchbaseMockProcess mock = CouchbaseMockProcess.start();
                Instance first = Instance.start(mock);
                Instance second = Instance.start(mock)) {
            Clients clients = new Clients(List.of(first.uri(), second.uri()), TOKEN, seed);
            clients.start(8);
            List<String> faults = new ArrayList<>();
            long resumed;
            try {
                sleep(CALM);
                inject(mock, faults, "temporary failures", List.of("/mock/opfail?code=134&count=-1"),
                        List.of("/mock/opfail?code=0&count=0"), Duration.ofSeconds(3));
                inject(mock, faults, "40 not-my-vbucket answers", List.of("/mock/opfail?code=7&count=40"),
                        List.of("/mock/opfail?code=0&count=0"), Duration.ofSeconds(2));
                inject(mock, faults, "responses stalled past the timeout", List.of("/mock/hiccup?msecs=1500&offset=8"),
                        List.of("/mock/hiccup?msecs=0&offset=0"), Duration.ofSeconds(4));
                inject(mock, faults, "responses cut into fragments", List.of("/mock/truncate?limit=7"),
                        List.of("/mock/truncate?limit=0"), Duration.ofSeconds(3));
                inject(mock, faults, "responses cut to ten bytes", List.of("/mock/truncate?limit=10"),
                        List.of("/mock/truncate?limit=0"), Duration.ofSeconds(3));
                inject(mock, faults, "stalls and temporary failures at once",
                        List.of("/mock/hiccup?msecs=1200&offset=4", "/mock/opfail?code=134&count=-1"),
                        List.of("/mock/opfail?code=0&count=0", "/mock/hiccup?msecs=0&offset=0"), Duration.ofSeconds(3));
                mock.suspend();
                long known = awaitKnownDown(first, second);
                clients.timing.set(true);
                sleep(Duration.ofSeconds(4));
                clients.timing.set(false);
                mock.resume();
                faults.add("database suspended (SIGSTOP) for 4 s after both instances knew it, "
                        + known + " ms after suspending");
                resumed = awaitReady(first, second);
                sleep(CALM);
                inject(mock, faults, "responses stalled again", List.of("/mock/hiccup?msecs=1200&offset=4"),
                        List.of("/mock/hiccup?msecs=0&offset=0"), Duration.ofSeconds(3));
            } finally {
                clients.stop();
            }
            long recovered = awaitEveryRoute(first, second, clients);

            Invariants invariants = Invariants.check(mock, KEYSPACE, clients);
            System.out.printf("Fault suite, seed %d: %s; faults: %s; 503s while suspended (ms, once both instances knew it): %s; "
                    + "ready again %d ms after resuming; every route 200 again %d ms after the last fault; %s%n",
                    seed, clients.summary(), faults, percentiles(clients.unavailableMillis), resumed, recovered,
                    invariants.summary());
            assertThat(clients.violations).as("answers no client should get").isEmpty();
            assertThat(invariants.violations()).as("invariants").isEmpty();
            assertThat(clients.statuses).containsKeys(201, 503);
        }
    }

    private static void inject(CouchbaseMockProcess mock, List<String> faults, String name, List<String> on,
            List<String> off, Duration lasting) throws Exception {
        faults.add(name + " for " + lasting.toSeconds() + " s");
        try {
            for (String fault : on) {
                mock.control(fault);
            }
            sleep(lasting);
        } finally {
            for (String cure : off) {
                mock.control(cure);
            }
        }
        sleep(CALM);
    }

    /**
     * Waits until both instances count the database as down, at most ten seconds; the
     * milliseconds it took. An instance that knows answers {@code /readyz} with 503 at once; one
     * that does not yet waits for the key-value timeout first, so a 503 in under half of it is
     * the sign. Requests before that may each wait for the timeout: they are what tells an
     * instance that the database does not answer.
     */
    private static long awaitKnownDown(Instance first, Instance second) throws Exception {
        return awaitReadiness(first, second, "counting the suspended database as down",
                (status, nanos) -> status == 503 && nanos < KV_TIMEOUT.toNanos() / 2);
    }

    /** Waits until both instances are ready, at most ten seconds; the milliseconds it took. */
    private static long awaitReady(Instance first, Instance second) throws Exception {
        return awaitReadiness(first, second, "ready within ten seconds of resuming", (status, nanos) -> status == 200);
    }

    /** What {@code /readyz} answered, with the status and the nanoseconds it took. */
    private interface ReadinessAnswer {
        boolean test(int status, long nanos);
    }

    /** Asks both instances' {@code /readyz} until each answer passes, at most ten seconds; the milliseconds it took. */
    private static long awaitReadiness(Instance first, Instance second, String what, ReadinessAnswer wanted)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(10).toNanos();
        for (Instance instance : List.of(first, second)) {
            boolean passed;
            do {
                long asked = System.nanoTime();
                int status = http.send(HttpRequest.newBuilder(instance.uri().resolve("/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                passed = wanted.test(status, System.nanoTime() - asked);
            } while (!passed && System.nanoTime() < deadline && sleepBriefly());
            assertThat(passed).as("%s %s", instance.uri(), what).isTrue();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static boolean sleepBriefly() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }

    /** Waits until every read route and readiness answer 200 on both instances; the milliseconds it took. */
    private static long awaitEveryRoute(Instance first, Instance second, Clients clients) throws Exception {
        Map.Entry<String, Long> sample = clients.created.entrySet().stream()
                .filter(entry -> !clients.deleted.contains(entry.getValue())
                        && !clients.uncertain.contains(entry.getValue()))
                .findFirst().orElseThrow();
        long id = sample.getValue();
        List<String> routes = List.of("/readyz", "/api/v1/id/" + id, "/api/v1/profiles/" + id,
                "/api/v1/username/" + sample.getKey(), "/api/v1/profiles?limit=1&username=" + sample.getKey());
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(10).toNanos();
        Map<String, Integer> last = new HashMap<>();
        for (Instance instance : List.of(first, second)) {
            for (String route : routes) {
                while (true) {
                    int status = http.send(HttpRequest.newBuilder(instance.uri().resolve(route))
                            .header("Authorization", "Bearer " + TOKEN).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    last.put(instance.uri() + route, status);
                    if (status == 200 || System.nanoTime() > deadline) {
                        break;
                    }
                    Thread.sleep(100);
                }
            }
        }
        assertThat(last).as("every route, ten seconds after the faults cleared").allSatisfy(
                (route, status) -> assertThat(status).as(route).isEqualTo(200));
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String percentiles(List<Long> millis) {
        if (millis.isEmpty()) {
            return "none";
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return sorted.size() + " answers, p50 " + sorted.get(sorted.size() / 2) + ", p90 "
                + sorted.get(sorted.size() * 9 / 10) + ", p99 "
                + sorted.get(sorted.size() * 99 / 100) + ", max " + sorted.get(sorted.size() - 1);
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** One profilekit instance: its own SDK cluster, repository and HTTP server. */
    record Instance(ProfileRepository repository, ProfileServer server) implements AutoCloseable {

        static Instance start(CouchbaseMockProcess mock) throws Exception {
            ProfileRepository repository = ProfileRepository.of(CouchbaseProfileStore.connect(settings(mock)));
            ProfileApi api = ProfileApi.builder(repository)
                    .authenticator(new BearerTokenAuthenticator(List.of(TOKEN)))
                    .build();
            return new Instance(repository, ProfileServer.builder().port(0).api(api).start());
        }

        URI uri() {
            return server.uri();
        }

        @Override
        public void close() throws Exception {
            server.stop();
            repository.close();
        }
    }

    static CouchbaseSettings settings(CouchbaseMockProcess mock) {
        return CouchbaseSettings.builder(mock.connectionString())
                .credentials(CouchbaseMockProcess.BUCKET, CouchbaseMockProcess.PASSWORD)
                .keyspace(KEYSPACE)
                .kvTimeout(KV_TIMEOUT)
                .build();
    }
}
