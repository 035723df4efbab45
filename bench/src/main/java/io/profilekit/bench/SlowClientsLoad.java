package io.profilekit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * What a normal client sees while slow clients attack: {@code SLOW_BODIES} authenticated picture
 * uploads that send a byte every 5 s and {@code SLOW_HEADERS} connections that send a header
 * line every 5 s, each reopened as soon as the server answers or closes it, while one client
 * asks for {@code /healthz} and {@code /api/v1/id/1} in turn, 20 times a second.
 *
 * <pre>
 * java -cp profile-bench.jar io.profilekit.bench.SlowClientsLoad BASE_URL TOKEN [SLOW_BODIES] [SLOW_HEADERS] [SECONDS]
 * </pre>
 *
 * Defaults: 300 slow bodies, 500 slow headers, 60 s measured after 15 s of attack. It prints
 * the normal client's latencies (ms) per path and how the slow connections ended.
 */
public final class SlowClientsLoad {

    private static final long DRIP_MILLIS = 5_000;
    private static final long PROBE_MILLIS = 25;
    private static final long RAMP_UP_MILLIS = 15_000;

    private final String host;
    private final int port;
    private final String token;
    private final Map<String, LongAdder> endings = new ConcurrentHashMap<>();
    private final ScheduledExecutorService drippers = Executors.newScheduledThreadPool(4);

    private SlowClientsLoad(URI base, String token) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SlowClientsLoad BASE_URL TOKEN [SLOW_BODIES] [SLOW_HEADERS] [SECONDS]");
            System.exit(2);
        }
        int bodies = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int headers = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        SlowClientsLoad load = new SlowClientsLoad(URI.create(args[0]), args[1]);
        String upload = "PUT /api/v1/profiles/1/picture HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + args[1]
                + "\r\nContent-Type: image/png\r\nContent-Length: 100000\r\n\r\n\u0089";
        for (int i = 0; i < bodies; i++) {
            load.startSlow("body", upload, "P");
        }
        for (int i = 0; i < headers; i++) {
            load.startSlow("headers", "GET /healthz HTTP/1.1\r\nHost: x\r\n", "X-Slow: 1\r\n");
        }
        Thread.sleep(RAMP_UP_MILLIS);
        Map<String, Histogram> latencies = load.probe(seconds);
        load.drippers.shutdownNow();
        latencies.forEach((path, histogram) -> System.out.printf(Locale.ROOT,
                "%-16s n=%d p50=%.1f p99=%.1f max=%.1f%n", path, histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                histogram.getMaxValue() / 1e3));
        System.out.println("slow connections ended: " + new java.util.TreeMap<>(load.endings));
        System.exit(0);
    }

    /** A connection that sends {@code first}, then {@code drip} every 5 s, reopened when it ends. */
    private void startSlow(String kind, String first, String drip) {
        long delay = ThreadLocalRandom.current().nextLong(DRIP_MILLIS);
        drippers.schedule(() -> {
            try {
                Socket socket = new Socket(host, port);
                socket.getOutputStream().write(first.getBytes(StandardCharsets.ISO_8859_1));
                drippers.schedule(() -> drip(kind, first, drip, socket), DRIP_MILLIS, TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                ended(kind + " refused");
                startSlow(kind, first, drip);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void drip(String kind, String first, String drip, Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            if (in.available() > 0) {
                byte[] status = in.readNBytes(12);
                ended(kind + " answered " + new String(status, StandardCharsets.ISO_8859_1).substring(9));
                socket.close();
                startSlow(kind, first, drip);
                return;
            }
            socket.getOutputStream().write(drip.getBytes(StandardCharsets.ISO_8859_1));
            drippers.schedule(() -> drip(kind, first, drip, socket), DRIP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (IOException closed) {
            ended(kind + " closed");
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
            startSlow(kind, first, drip);
        }
    }

    private void ended(String how) {
        endings.computeIfAbsent(how, k -> new LongAdder()).increment();
    }

    /** One keep-alive client asking for each path in turn; latencies in microseconds. */
    private Map<String, Histogram> probe(int seconds) throws IOException, InterruptedException {
        Map<String, Histogram> latencies = new java.util.LinkedHashMap<>();
        String[] paths = {"/healthz", "/api/v1/id/1"};
        for (String path : paths) {
            latencies.put(path, new Histogram(60_000_000L, 3));
        }
        latencies.put("errors", new Histogram(3));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Socket socket = null;
        for (int i = 0; System.nanoTime() < end; i++) {
            String path = paths[i % paths.length];
            long start = System.nanoTime();
            try {
                if (socket == null) {
                    socket = new Socket(host, port);
                    socket.setSoTimeout(30_000);
                }
                String status = get(socket, path);
                if (!status.equals("200")) {
                    latencies.get("errors").recordValue(1);
                }
            } catch (IOException e) {
                latencies.get("errors").recordValue(1);
                socket = null;
            }
            latencies.get(path).recordValue((System.nanoTime() - start) / 1_000);
            Thread.sleep(PROBE_MILLIS);
        }
        return latencies;
    }

    /** Sends a GET and reads its whole answer (Content-Length framed); returns the status. */
    private String get(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.append((char) b);
        }
        String lower = head.toString().toLowerCase(Locale.ROOT);
        int at = lower.indexOf("content-length:");
        int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
        in.readNBytes(length);
        return head.substring(9, 12);
    }
}
