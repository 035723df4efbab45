package io.profilekit.server;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.sample.SampleDataLoader;
import io.profilekit.core.transfer.ImportFormat;
import io.profilekit.core.transfer.ProfileImport;
import io.profilekit.server.settings.DemoSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory store's demo people: generated from one seed, so every start serves the same
 * ones. Generating the default thousand with pictures takes seconds (Datafaker's people, painted
 * avatars), so the build exports them once ({@value #SHIPPED}, beside this class, by the jar's
 * own {@code export --pictures}) and a start with the default settings reads that export
 * instead, in a fraction of the time; other settings generate.
 */
final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** The seed of the generated people. */
    static final long SEED = 1;

    /** The export of the default demo people, as a resource beside this class. */
    static final String SHIPPED = "demo-people.ndjson";

    private static final byte[] PICTURE_LINE = "{\"picture_of\"".getBytes(StandardCharsets.US_ASCII);

    private static final DemoSettings DEFAULTS = new DemoSettings(
            Integer.parseInt(DemoSettings.PROFILES.defaultValue()), Boolean.parseBoolean(DemoSettings.PICTURES.defaultValue()));

    private DemoData() {
    }

    /**
     * {@link #fill} on a thread of its own, so that the server starts meanwhile.
     *
     * @return completes once the people are in
     */
    static CompletableFuture<Void> fillInBackground(ProfileRepository repository, DemoSettings demo) {
        CompletableFuture<Void> filled = new CompletableFuture<>();
        Thread filler = new Thread(() -> {
            try {
                fill(repository, demo);
                filled.complete(null);
            } catch (RuntimeException | Error e) {
                filled.completeExceptionally(e);
            }
        }, "profilekit-demo-data");
        filler.setDaemon(true);
        filler.start();
        return filled;
    }

    /** Fills {@code repository}, an empty store, with the people {@code demo} asks for. */
    static void fill(ProfileRepository repository, DemoSettings demo) {
        long started = System.nanoTime();
        InputStream shipped = demo.equals(DEFAULTS) ? DemoData.class.getResourceAsStream(SHIPPED) : null;
        String done;
        if (shipped != null) {
            read(repository, shipped);
            done = "Read";
        } else {
            new SampleDataLoader(repository, SEED).load(demo.profiles(), demo.pictures(), n -> { });
            done = "Generated";
        }
        LOG.info("{} {} demo profiles {} in {} ms", done, demo.profiles(),
                demo.pictures() ? "with pictures" : "without pictures",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * Imports the shipped export in two halves at once: at start, the JVM is still cold and the
     * second core is idle once the server has started.
     */
    static void read(ProfileRepository repository, InputStream shipped) {
        byte[] export;
        try (InputStream in = shipped) {
            export = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo profiles", e);
        }
        int half = profileLineFrom(export, export.length / 2);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> importPart(repository, export, half, export.length),
                runnable -> {
                    Thread thread = new Thread(runnable, "profilekit-demo-data-2");
                    thread.setDaemon(true);
                    thread.start();
                });
        importPart(repository, export, 0, half);
        try {
            second.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Where the first profile's line at or after {@code from} starts (its picture follows on the next line). */
    private static int profileLineFrom(byte[] export, int from) {
        for (int i = from; i < export.length - 1; i++) {
            if (export[i] == '\n' && !startsWith(export, i + 1, PICTURE_LINE)) {
                return i + 1;
            }
        }
        return export.length;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return Arrays.equals(bytes, at, Math.min(bytes.length, at + prefix.length), prefix, 0, prefix.length);
    }

    /** Imports one part; a record it refuses is the build's mistake, and fails the start. */
    private static void importPart(ProfileRepository repository, byte[] export, int from, int to) {
        ProfileImport.Progress done;
        try {
            done = ProfileImport.builder(repository, ImportFormat.NDJSON).build()
                    .run(new ByteArrayInputStream(export, from, to - from));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo profiles", e);
        }
        if (done.rejected() > 0) {
            throw new IllegalStateException("the demo profiles the build exported have " + done.rejected()
                    + " record(s) the store refuses; rebuild the jar");
        }
    }
}
