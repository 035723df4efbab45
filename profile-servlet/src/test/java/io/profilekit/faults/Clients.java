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
 * (half of them with an {@code Idempotency-Key}; all retrying a 503 with the same request after
 * its {@code Retry-After}, as a client should), patch, rename, delete and upload pictures, and
 * keep a ledger of every answer: what was confirmed, what stayed uncertain, and every answer no
 * client should ever get (a 500, a 503 without {@code Retry-After}, a create still unsettled
 * 30 s after its first 503, a keyed create of a name nobody else wants that ends in anything
 * but 201, a 409 after a 503 for a name that no profile holds).
 */
final class Clients {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final int NICKNAMES = 8;
    /** How long a create may take to settle after its first 503, following Retry-After. */
    private static final long SETTLE_NANOS = Duration.ofSeconds(30).toNanos();
    /** The longest Retry-After a client honours as given. */
    private static final long MAX_WAIT_MILLIS = 15_000;

    final Map<String, Long> created = new ConcurrentHashMap<>();
    final Set<Long> deleted = ConcurrentHashMap.newKeySet();
    /** Profiles whose username or existence a 503 left unknown to the client. */
    final Set<Long> uncertain = ConcurrentHashMap.newKeySet();
    final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    final Queue<String> violations = new ConcurrentLinkedQueue<>();
    final LongAdder requests = new LongAdder();
    /** Creates retried after a 503, by how they ended: "201 keyed", "409 resolved"... */
    final Map<String, LongAdder> retriedCreates = new ConcurrentHashMap<>();
    /** Milliseconds from a create's first 503 to its final answer. */
    final List<Long> settleMillis = new CopyOnWriteArrayList<>();
    /** Milliseconds taken by each 503 answered while {@link #timing} was set. */
    final List<Long> unavailableMillis = new CopyOnWriteArrayList<>();
    final AtomicBoolean timing = new AtomicBoolean();

    private final List<URI> servers;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Long> live = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final long seed;

    Clients(List<URI> servers, String token, long seed) {
        this.servers = servers;
        this.token = token;
        this.seed = seed;
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
        Random random = new Random(seed * 1000 + worker);
        int next = 0;
        while (!stop.get()) {
            int dice = random.nextInt(100);
            try {
                if (dice < 45 || live.isEmpty()) {
                    boolean shared = random.nextInt(5) == 0;
                    String username = shared ? "shared" + random.nextInt(40) : "w" + worker + "n" + next++;
                    create(random, username, "nick" + random.nextInt(NICKNAMES), shared,
                            random.nextBoolean() ? "\"s" + seed + "w" + worker + "k" + next++ + "\"" : null);
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

    /**
     * Creates the profile, retrying each 503 after its Retry-After with the very same request
     * (and key, if {@code key} is not null) until it is answered otherwise, and checks how it
     * ended. A username no other client wants ({@code shared} false) may end in 409 only for a
     * client without a key, and then only when the name resolves: its own earlier attempt landed.
     */
    private void create(Random random, String username, String nickname, boolean shared, String key)
            throws IOException, InterruptedException {
        byte[] body = ("{\"user_id\":\"" + username + "\",\"nickname\":\"" + nickname + "\",\"name\":\"Fault "
                + username + "\"}").getBytes(StandardCharsets.UTF_8);
        long firstUnavailable = 0;
        while (!stop.get()) {
            HttpResponse<byte[]> answer = call(random, "POST", "/api/v1/profiles", "application/json", body,
                    key == null ? new String[0] : new String[] {"Idempotency-Key", key});
            int status = answer.statusCode();
            if (status == 503) {
                long now = System.nanoTime();
                firstUnavailable = firstUnavailable == 0 ? now : firstUnavailable;
                if (now - firstUnavailable > SETTLE_NANOS) {
                    violations.add("the create of " + username + " was still answered 503 30 s after its first 503");
                    return;
                }
                long wait = answer.headers().firstValueAsLong("Retry-After").orElse(1) * 1000;
                Thread.sleep(Math.min(wait, MAX_WAIT_MILLIS) + random.nextInt(250));
                continue;
            }
            if (firstUnavailable != 0) {
                settleMillis.add((System.nanoTime() - firstUnavailable) / 1_000_000);
            }
            if (status == 201) {
                long id = Json.MAPPER.readTree(answer.body()).get("record_id").asLong();
                created.put(username, id);
                live.add(id);
                retried(firstUnavailable, key == null ? "201" : "201 keyed");
            } else if (!shared && key != null) {
                violations.add("a keyed create of " + username + ", a name no other client wants, answered " + status);
            } else if (status == 409 && !shared && firstUnavailable != 0) {
                resolves(random, username);
            }
            return;
        }
    }

    /** A 409 after a 503 for a name only this client wants: the name must lead to a profile. */
    private void resolves(Random random, String username) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 40 && !stop.get(); attempt++) {
            int status = call(random, "GET", "/api/v1/username/" + username, null, null).statusCode();
            if (status == 200) {
                retried(1, "409 resolved");
                return;
            }
            if (status == 404) {
                violations.add("a create of " + username + " answered 409 after a 503, and no profile holds the name");
                return;
            }
            Thread.sleep(250);
        }
    }

    private void retried(long firstUnavailable, String outcome) {
        if (firstUnavailable != 0) {
            retriedCreates.computeIfAbsent(outcome, unused -> new LongAdder()).increment();
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

    private HttpResponse<byte[]> call(Random random, String method, String path, String contentType, byte[] body,
            String... headers) throws IOException, InterruptedException {
        URI server = servers.get(random.nextInt(servers.size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
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

    /** The status counts, and how creates retried after a 503 ended, for the report. */
    String summary() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        Map<String, Long> retried = new TreeMap<>();
        retriedCreates.forEach((outcome, count) -> retried.put(outcome, count.sum()));
        List<Long> settled = new ArrayList<>(settleMillis);
        settled.sort(null);
        return requests.sum() + " requests " + counts + "; creates retried after a 503: " + retried
                + (settled.isEmpty() ? "" : ", settled within " + settled.get(settled.size() - 1) + " ms");
    }
}
