package io.profilekit.examples;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.sample.SampleDataLoader;
import io.profilekit.server.settings.Settings;
import io.profilekit.server.settings.StoreSettings;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Preparing a test environment: loading generated people, each with an avatar, into a Couchbase
 * cluster through the repository, with progress and a final rate, the way an operator fills a
 * staging cluster before a load test. The same seed loads the same people.
 *
 * <p>It reads the cluster and keyspace from the {@code PROFILE_DB_*} environment variables, as
 * profile-server.jar does; its one argument is how many people to load (docs/examples.md).
 */
public final class LoadSampleData {

    private LoadSampleData() {
    }

    /** Loads {@code count} people into the cluster the settings name; returns how many. */
    public static long load(CouchbaseSettings settings, long count, long seed, PrintStream out) {
        try (ProfileRepository repository = ProfileRepository.of(CouchbaseProfileStore.connect(settings))) {
            long started = System.nanoTime();
            long step = Math.max(1, count / 20);
            long loaded = new SampleDataLoader(repository, seed).load(count, true, done -> {
                if (done % step == 0 || done == count) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    out.printf(Locale.ROOT, "%,d of %,d profiles, %.0f/s%n", done, count, done / seconds);
                }
            });
            out.printf(Locale.ROOT, "Loaded %,d profiles into %s in %.1f s%n", loaded, settings.keyspace().bucket(),
                    (System.nanoTime() - started) / 1e9);
            return loaded;
        }
    }

    /** Argument: how many people to load into the cluster {@code PROFILE_DB_*} names. */
    public static void main(String[] args) {
        if (args.length != 1 || !args[0].matches("[1-9][0-9]{0,8}")) {
            System.err.println("usage: LoadSampleData <count>, with PROFILE_DB_CONNECTION_STRING and the other"
                    + " PROFILE_DB_* variables naming the cluster, as for profile-server.jar");
            System.exit(2);
        }
        // Read as profile-server.jar reads them, with its defaults.
        Optional<CouchbaseSettings> settings = StoreSettings.from(Settings.fromSystem()).couchbase();
        if (settings.isEmpty()) {
            System.err.println("set PROFILE_DB_CONNECTION_STRING, PROFILE_DB_USERNAME and PROFILE_DB_PASSWORD");
            System.exit(2);
        }
        load(settings.get(), Long.parseLong(args[0]), 1, System.out);
    }
}
