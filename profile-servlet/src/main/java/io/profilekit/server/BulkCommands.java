package io.profilekit.server;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.couchbase.ReindexReport;
import io.profilekit.core.sample.SampleDataLoader;
import io.profilekit.server.settings.BulkSettings;
import io.profilekit.server.settings.ConfigurationException;
import io.profilekit.server.settings.DemoSettings;
import io.profilekit.server.settings.Settings;
import io.profilekit.server.settings.StoreSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The bulk commands of the server jar: {@code generate} writes generated people, {@code reindex}
 * writes the lookup entries of profiles other tools stored. Both keep
 * {@code --parallelism} profiles in flight ({@link BulkSettings}) and print their progress with
 * the rate and the time left.
 */
final class BulkCommands {

    private final Settings settings;
    private final PrintStream out;

    BulkCommands(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** {@code generate --count N [--seed S] [--parallelism P]}. */
    void generate(String[] args) {
        long count = -1;
        long seed = DemoData.SEED;
        int parallelism = BulkSettings.from(settings).parallelism();
        for (int i = 1; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--count" -> count = number("--count", value, 1, Long.MAX_VALUE);
                case "--seed" -> seed = number("--seed", value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--parallelism" -> parallelism = parallelism(value);
                default -> throw new ConfigurationException("unknown option '" + args[i] + "'; " + CommandLine.USAGE);
            }
        }
        if (count < 1) {
            throw new ConfigurationException("generate needs --count N; " + CommandLine.USAGE);
        }
        CouchbaseSettings couchbase = StoreSettings.from(settings).couchbase().orElseThrow(() ->
                new ConfigurationException("generate writes to Couchbase: set " + StoreSettings.CONNECTION_STRING.name()
                        + " (the in-memory store is filled at start, see " + DemoSettings.PROFILES.name() + ")"));
        try (CouchbaseProfileStore store = CouchbaseProfileStore.connect(couchbase)) {
            Progress progress = new Progress(count);
            new SampleDataLoader(ProfileRepository.of(store), seed).load(count, true, parallelism, progress::done);
            out.printf(Locale.ROOT, "Wrote %d profiles with pictures in %.1f s (%.0f profiles/s, %d in flight)%n",
                    count, progress.seconds(), count / progress.seconds(), parallelism);
            String token = store.createServiceTokenIfAbsent(ConfiguredApi.newToken());
            out.println("API token (service_auth:1): " + token);
        }
    }

    /** {@code reindex [--after ID] [--parallelism P]}. */
    void reindex(String[] args) {
        long after = 0;
        int parallelism = BulkSettings.from(settings).parallelism();
        for (int i = 1; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--after" -> after = number("--after", value, 0, Long.MAX_VALUE);
                case "--parallelism" -> parallelism = parallelism(value);
                default -> throw new ConfigurationException("unknown option '" + args[i] + "'; " + CommandLine.USAGE);
            }
        }
        Optional<CouchbaseSettings> couchbase = StoreSettings.from(settings).couchbase();
        if (couchbase.isEmpty()) {
            out.println("The in-memory store keeps its own indexes; there is nothing to reindex.");
            return;
        }
        try (CouchbaseProfileStore store = CouchbaseProfileStore.connect(couchbase.get())) {
            Progress progress = new Progress(store.countProfiles(after));
            ReindexReport report = store.reindex(after, parallelism, sofar -> {
                progress.done(sofar.profiles() + sofar.unreadable());
                if (progress.told()) {
                    out.printf(Locale.ROOT, "    (to resume: reindex --after %d)%n", sofar.lastRecordId());
                }
            });
            out.printf(Locale.ROOT, "Reindexed %d profiles (%d unreadable) in %.1f s, up to record id %d.%n",
                    report.profiles(), report.unreadable(), progress.seconds(), report.lastRecordId());
            if (!report.duplicateUsernames().isEmpty()) {
                out.println("Usernames held by more than one profile (found by username: the lowest record id): "
                        + String.join(", ", report.duplicateUsernames()));
            }
        }
    }

    private static int parallelism(String text) {
        return (int) number("--parallelism", text, 1, BulkSettings.MAX_PARALLELISM);
    }

    static long number(String option, String text, long min, long max) {
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String range = min == Long.MIN_VALUE ? "" : max == Long.MAX_VALUE ? " from " + min : " from " + min + " to " + max;
        throw new ConfigurationException(option + " needs a whole number" + range + ", not '" + text + "'");
    }

    /** Progress lines: every tenth of the total or every five seconds, with the rate and the time left. */
    private final class Progress {
        private final long total;
        private final long started = System.nanoTime();
        private long lastTold = started;
        private long lastTenth;
        private boolean told;
        private final TimeLeft timeLeft;

        Progress(long total) {
            this.total = Math.max(total, 1);
            this.timeLeft = new TimeLeft(this.total);
        }

        void done(long done) {
            long now = System.nanoTime();
            long tenth = done * 10 / total;
            told = tenth > lastTenth || now - lastTold > Duration.ofSeconds(5).toNanos();
            if (!told) {
                return;
            }
            lastTenth = tenth;
            lastTold = now;
            double seconds = Math.max((now - started) / 1e9, 1e-9);
            out.printf(Locale.ROOT, "  %d/%d profiles (%d%%), %.0f/s%s%n", done, total,
                    Math.min(done * 100 / total, 100), done / seconds, timeLeft.after(seconds, done));
        }

        boolean told() {
            return told;
        }

        double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }
    }
}
