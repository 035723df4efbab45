package io.profilekit.server;

import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.testkit.ForwardingProfileStore;
import io.profilekit.servlet.internal.RunningServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProfileServerTest {

    private static InMemoryProfileStore storeWith(int count) {
        InMemoryProfileStore store = new InMemoryProfileStore();
        ProfileRepository repository = ProfileRepository.of(store);
        for (long id = 1; id <= count; id++) {
            repository.create(Profile.builder().recordId(id).userId("user" + id).nickname("n" + id).build());
        }
        return store;
    }

    private static ProfileRepository withProfiles(int count) {
        return ProfileRepository.of(storeWith(count));
    }

    @Test
    void answersAnUnknownRouteWithA404Problem() throws Exception {
        try (RunningServer http = RunningServer.start(withProfiles(1))) {
            HttpResponse<byte[]> response = http.send("GET", "/index.html");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(text(response)).isEqualTo(
                    "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                            + "\"detail\":\"no route matches /index.html\"}");
        }
    }

    @Test
    void answersAnAmbiguousPathWithA400ProblemAndNoInternals() throws Exception {
        try (RunningServer http = RunningServer.start(withProfiles(1))) {
            HttpResponse<byte[]> response = http.get("/api/v1/id/..%2F..%2Fhealthz");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(text(response)).contains("\"status\":400").doesNotContain("jetty", "Exception", "at org.");
        }
    }

    @Test
    void doesNotNameItsServerSoftware() throws Exception {
        try (RunningServer http = RunningServer.start(withProfiles(1))) {
            HttpResponse<byte[]> response = http.get("/api/v1/id/1");

            assertThat(response.headers().firstValue("Server")).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
        }
    }

    @Test
    void answers503WithRetryAfterWhenTheStoreIsUnavailable() throws Exception {
        ProfileRepository unavailable = ProfileRepository.of(new ForwardingProfileStore(storeWith(1)) {
            @Override
            public CompletableFuture<Optional<StoredProfile>> findById(long recordId) {
                throw new StoreUnavailableException("the cluster did not answer within 2.5 s");
            }
        });
        try (RunningServer http = RunningServer.start(unavailable)) {
            HttpResponse<byte[]> response = http.get("/api/v1/id/1");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains("1");
            assertThat(text(response)).isEqualTo(
                    "{\"status\":\"failure\",\"message\":{\"error\":\"Service Unavailable\"}}");
        }
    }

    @Test
    void answersAnUnexpectedFailureWith500ThatRevealsNothing() throws Exception {
        ProfileRepository broken = ProfileRepository.of(new ForwardingProfileStore(storeWith(1)) {
            @Override
            public CompletableFuture<Optional<StoredProfile>> findByUsername(String username) {
                throw new IllegalStateException("password=hunter2 in com.example.Secret");
            }
        });
        try (RunningServer http = RunningServer.start(broken)) {
            HttpResponse<byte[]> response = http.get("/api/v1/username/user1");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(text(response))
                    .isEqualTo("{\"status\":\"failure\",\"message\":{\"error\":\"Internal Server Error\"}}");
        }
    }

    @Test
    void stopLetsRequestsInFlightFinish() throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProfileRepository slow = ProfileRepository.of(new ForwardingProfileStore(storeWith(1)) {
            @Override
            public CompletableFuture<Optional<StoredProfile>> findById(long recordId) {
                requestArrived.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.findById(recordId);
            }
        });
        RunningServer http = RunningServer.start(slow);
        try {
            CompletableFuture<HttpResponse<byte[]>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return http.get("/api/v1/id/1");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(requestArrived.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
                try {
                    http.server.stop();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            assertThat(stopping).isNotDone();
            release.countDown();

            assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            stopping.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            http.close();
        }
    }

    @Test
    void serves64ConcurrentClientsWithoutAnError() throws Exception {
        int clients = 64;
        int requestsEach = 50;
        int profiles = 500;
        try (RunningServer http = RunningServer.start(withProfiles(profiles))) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<List<Integer>>> results = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    results.add(pool.submit(() -> {
                        List<Integer> statuses = new ArrayList<>();
                        for (int i = 0; i < requestsEach; i++) {
                            long id = ThreadLocalRandom.current().nextLong(1, profiles + 1);
                            HttpResponse<byte[]> response = http.get("/api/v1/id/" + id);
                            statuses.add(response.statusCode());
                            assertThat(text(response)).contains("\"record_id\":" + id + ",");
                        }
                        return statuses;
                    }));
                }
                List<Integer> all = new ArrayList<>();
                for (Future<List<Integer>> result : results) {
                    all.addAll(result.get(120, TimeUnit.SECONDS));
                }

                assertThat(all).hasSize(clients * requestsEach).containsOnly(200);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
