package io.profilekit.bench;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.transfer.ImportFormat;
import io.profilekit.core.transfer.ProfileExport;
import io.profilekit.core.transfer.ProfileImport;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The import and export of {@code count} profiles in the in-memory store, in one JVM: writes an
 * NDJSON file of profiles (written here by hand, not by profilekit's writer), imports it, exports
 * the store, and prints the time of each, the heap in use after a full collection once the store
 * is filled, and how much the heap grew above that while the export ran (sampled every 10 ms):
 * the export's own memory, which stays flat whatever the count.
 *
 * <pre>java -Xmx6g -cp ... io.profilekit.bench.TransferLoad 1000000 /tmp/work</pre>
 */
public final class TransferLoad {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private TransferLoad() {
    }

    public static void main(String[] args) throws Exception {
        long count = Long.parseLong(args[0]);
        Path work = Path.of(args[1]);
        Path in = work.resolve("profiles-" + count + ".ndjson");
        write(in, count);
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        long started = System.nanoTime();
        ProfileImport.Progress done;
        try (InputStream file = Files.newInputStream(in)) {
            done = ProfileImport.builder(repository, ImportFormat.NDJSON).parallelism(8).build().run(file);
        }
        double importSeconds = seconds(started);
        long filled = heapAfterCollection();
        Path out = work.resolve("export-" + count + ".ndjson");
        AtomicLong peak = new AtomicLong(filled);
        AtomicBoolean exporting = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (exporting.get()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                sleep(10);
            }
        });
        sampler.start();
        started = System.nanoTime();
        long exported;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 256 * 1024)) {
            exported = new ProfileExport(repository).write(file, 0, last -> { });
        }
        double exportSeconds = seconds(started);
        exporting.set(false);
        sampler.join();
        boolean same = Files.mismatch(in, out) == -1;
        System.out.printf(Locale.ROOT, "%d profiles (%d MB of NDJSON): import %.1f s (%.0f/s, %d created),"
                + " heap with the store filled %d MB; export %.1f s (%.0f/s, %d written, %s), heap above the store"
                + " while exporting at most %d MB%n", count, Files.size(in) >> 20, importSeconds,
                count / importSeconds, done.created(), filled >> 20, exportSeconds, exported / exportSeconds, exported,
                same ? "the same bytes as imported" : "NOT the bytes imported", (peak.get() - filled) >> 20);
        Files.delete(in);
        Files.delete(out);
    }

    /** Profiles in the seed's fields, one a line, in record id order, as a file another tool wrote. */
    private static void write(Path file, long count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long id = 1; id <= count; id++) {
                out.write("{\"record_id\":" + id + ",\"name\":\"Person " + id + "\",\"nickname\":\"p" + id
                        + "\",\"user_id\":\"person" + id + "\",\"email\":\"person" + id + "@example.com\","
                        + "\"email_verified\":true,\"first_name\":\"Person\",\"last_name\":\"Number " + id
                        + "\",\"city\":\"Zürich\",\"zip_code\":\"" + (10000 + id % 90000) + "\"}\n");
            }
        }
    }

    private static long heapAfterCollection() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
