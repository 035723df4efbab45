package io.profilekit.faults;

import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Clients of two profilekit instances, as a load balancer would spread them: they create
 * (retrying a 503 with the same username, as a client should), patch, rename, delete and upload
 * pictures, and keep a ledger of every answer: what was confirmed, what stayed uncertain, and
 * every answer no client should ever get (a 500, a 503 without {@code Retry-After}).
 */
final class Clients {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final int NICKNAMES = 8;
    private static final int CREATE_ATTEMPTS = 40;

    final Map<String, Long> created = new ConcurrentHashMap<>();
    final Set<Long> deleted = ConcurrentHashMap.newKeySet();
    /** Profiles whose username or existence a 503 left unknown to the client. */
    final Set<Long> uncertain = ConcurrentHashMap.newKeySet();
    final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    final Queue<String> violations = new ConcurrentLinkedQueue<>();
    final LongAdder requests = new LongAdder();
    /** Milliseconds taken by each 503 answered while {@link #timing} was set. */
    final List<Long> unavailableMillis = new CopyOnWriteArrayList<>();
    final AtomicBoolean timing = new AtomicBoolean();

    private final List<URI> servers;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Long> live = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    Clients(List<URI> servers, String token) {
        this.servers = servers;
        this.token = token;
    }

    void start(int count) {
        for (int i = 0; i < count; i++) {
            int worker = i;
            Thread thread = new Thread(() -> work(worker), "client-" + worker);
            threads.add(thread);
            thread.start();
        }
    }

    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void work(int worker) {
        Random random = new Random(worker);
        int next = 0;
        while (!stop.get()) {
            int dice = random.nextInt(100);
            try {
                if (dice < 45 || live.isEmpty()) {
                    String username = random.nextInt(5) == 0 ? "shared" + random.nextInt(40) : "w" + worker + "n" + next++;
                    create(random, username, "nick" + random.nextInt(NICKNAMES));
                } else if (dice < 70) {
                    patch(random, pick(random));
                } else if (dice < 78) {
                    delete(random, pick(random));
                } else {
                    call(random, "PUT", "/api/v1/profiles/" + pick(random) + "/picture", "image/png", PNG);
                }
            } catch (IOException e) {
                violations.add("a request failed without an answer: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long pick(Random random) {
        return live.get(random.nextInt(live.size()));
    }

    private void create(Random random, String username, String nickname) throws IOException, InterruptedException {
        byte[] body = ("{\"user_id\":\"" + username + "\",\"nickname\":\"" + nickname + "\",\"name\":\"Fault "
                + username + "\"}").getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < CREATE_ATTEMPTS && !stop.get(); attempt++) {
            HttpResponse<byte[]> answer = call(random, "POST", "/api/v1/profiles", "application/json", body);
            if (answer.statusCode() == 201) {
                long id = Json.MAPPER.readTree(answer.body()).get("record_id").asLong();
                created.put(username, id);
                live.add(id);
                return;
            }
            if (answer.statusCode() != 503) {
                return;
            }
            Thread.sleep(250);
        }
    }

    private void patch(Random random, long id) throws IOException, InterruptedException {
        boolean rename = random.nextInt(10) == 0;
        String username = "renamed" + id + "x" + random.nextInt(1000);
        String change = rename ? "{\"user_id\":\"" + username + "\"}"
                : random.nextBoolean() ? "{\"nickname\":\"nick" + random.nextInt(NICKNAMES) + "\"}"
                : "{\"city\":\"City " + random.nextInt(100) + "\"}";
        HttpResponse<byte[]> answer = call(random, "PATCH", "/api/v1/profiles/" + id, "application/merge-patch+json",
                change.getBytes(StandardCharsets.UTF_8));
        if (!rename) {
            return;
        }
        if (answer.statusCode() == 200) {
            created.values().remove(id);
            created.put(username, id);
        } else if (answer.statusCode() == 503) {
            uncertain.add(id);
        }
    }

    private void delete(Random random, long id) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = call(random, "DELETE", "/api/v1/profiles/" + id, null, null);
        if (answer.statusCode() == 204) {
            deleted.add(id);
            live.remove(id);
        } else if (answer.statusCode() == 503) {
            uncertain.add(id);
        }
    }

    private HttpResponse<byte[]> call(Random random, String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        URI server = servers.get(random.nextInt(servers.size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        boolean timed = timing.get();
        long started = System.nanoTime();
        HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        long millis = (System.nanoTime() - started) / 1_000_000;
        requests.increment();
        statuses.computeIfAbsent(answer.statusCode(), status -> new LongAdder()).increment();
        if (answer.statusCode() >= 500 && answer.statusCode() != 503) {
            violations.add(method + " " + path + " answered " + answer.statusCode() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        if (answer.statusCode() == 503) {
            if (answer.headers().firstValue("Retry-After").isEmpty()) {
                violations.add(method + " " + path + " answered 503 without Retry-After");
            }
            if (timed && timing.get()) {
                unavailableMillis.add(millis);
            }
        }
        return answer;
    }

    /** The status counts, for the report. */
    String summary() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        return requests.sum() + " requests " + counts;
    }
}
