package io.profilekit.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency at a fixed request rate, without coordinated omission: request {@code i} is due at
 * {@code start + i / rate} whatever the answers do, and its latency counts from when it was due,
 * not from when it went out, so a stall is charged to every request it delayed.
 *
 * <p>It speaks plain HTTP/1.1 over keep-alive connections ({@code -Dconnections}, default 16),
 * one thread each, so the client itself costs little next to the server.
 *
 * <pre>
 * java -cp profile-bench.jar io.profilekit.bench.ArrivalRateClient \
 *     BASE_URL TOKEN PATH_TEMPLATE RATE SECONDS [LINES_FILE|-] [IDS]
 * </pre>
 *
 * {@code PATH_TEMPLATE} holds {@code {id}} (a random record id from 1 to IDS, default 10000),
 * {@code {username}} (a random line of the lines file, there the usernames) or is {@code {line}}
 * (the path is a random line of the lines file). Two templates are more than a path:
 * {@code INM:/api/v1/profiles/{id}} sends {@code If-None-Match: *} (answered 304), and
 * {@code MIX} sends 90% {@code GET /api/v1/profiles/{id}} and 10% {@code PUT} of it with
 * {@code If-Match: *}. It prints one line: {@code sent=N errors=E p50=.. p99=.. p999=..} in
 * milliseconds.
 */
public final class ArrivalRateClient {

    private static final int CONNECTIONS = Integer.getInteger("connections", 16);

    private final URI base;
    private final String token;
    private final String template;
    private final List<String> lines;
    private final int ids;

    private ArrivalRateClient(URI base, String token, String template, List<String> lines, int ids) {
        this.base = base;
        this.token = token;
        this.template = template;
        this.lines = lines;
        this.ids = ids;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        double rate = Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        List<String> lines = args.length > 5 && !args[5].equals("-") ? Files.readAllLines(Path.of(args[5])) : List.of();
        int ids = args.length > 6 ? Integer.parseInt(args[6]) : 10_000;
        ArrivalRateClient client = new ArrivalRateClient(base, args[1], args[2], lines, ids);

        client.run(rate, 1, new Recorder(3), new AtomicLong());
        Recorder latencies = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong errors = new AtomicLong();
        long sent = client.run(rate, seconds, latencies, errors);
        Histogram histogram = latencies.getIntervalHistogram();
        System.out.printf(Locale.ROOT, "sent=%d errors=%d p50=%.3f p99=%.3f p999=%.3f%n", sent, errors.get(),
                histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6,
                histogram.getValueAtPercentile(99.9) / 1e6);
    }

    /** Sends {@code rate * seconds} requests on schedule; returns how many. */
    private long run(double rate, int seconds, Recorder latencies, AtomicLong errors) throws InterruptedException {
        long total = (long) (rate * seconds);
        double interval = 1e9 / rate;
        long start = System.nanoTime();
        AtomicLong next = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread worker = new Thread(() -> {
                Connection connection = null;
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + (long) (i * interval);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        if (connection == null) {
                            connection = new Connection(base);
                        }
                        int status = connection.exchange(request());
                        if (status >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        connection = null;
                    }
                    latencies.recordValue(Math.max(0, System.nanoTime() - due));
                }
            }, "arrival-rate-" + c);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return total;
    }

    private byte[] request() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String id = Integer.toString(1 + random.nextInt(ids));
        String head;
        String body = "";
        if (template.equals("MIX")) {
            if (random.nextInt(10) == 0) {
                body = "{\"user_id\":\"bench" + id + "\",\"name\":\"Bench Mark\",\"nickname\":\"bmark\",\"city\":\"Loadville\"}";
                head = "PUT /api/v1/profiles/" + id + " HTTP/1.1\r\nContent-Type: application/json\r\nIf-Match: *\r\n"
                        + "Content-Length: " + body.length() + "\r\n";
            } else {
                head = "GET /api/v1/profiles/" + id + " HTTP/1.1\r\n";
            }
        } else if (template.startsWith("INM:")) {
            head = "GET " + template.substring(4).replace("{id}", id) + " HTTP/1.1\r\nIf-None-Match: *\r\n";
        } else if (template.equals("{line}")) {
            head = "GET " + lines.get(random.nextInt(lines.size())) + " HTTP/1.1\r\n";
        } else if (template.contains("{username}")) {
            head = "GET " + template.replace("{username}", lines.get(random.nextInt(lines.size())))
                    + " HTTP/1.1\r\n";
        } else {
            head = "GET " + template.replace("{id}", id) + " HTTP/1.1\r\n";
        }
        return (head + "Host: " + base.getHost() + "\r\nAuthorization: Bearer " + token + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One keep-alive HTTP/1.1 connection: a request out, a whole response in. */
    private static final class Connection {
        private final OutputStream out;
        private final InputStream in;

        Connection(URI base) throws IOException {
            Socket socket = new Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Long.parseLong(header.substring(15).trim());
                }
            }
            in.skipNBytes(length);
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
