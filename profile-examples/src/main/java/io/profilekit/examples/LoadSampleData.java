package io.profilekit.examples;

import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.CouchbaseProfileRepository;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.sample.SampleDataLoader;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Preparing a test environment: loading generated people, each with an avatar, into a Couchbase
 * cluster through the repository, with progress and a final rate, the way an operator fills a
 * staging cluster before a load test. The same seed loads the same people.
 *
 * <pre>
 * java -cp ... io.profilekit.examples.LoadSampleData couchbase://db.example.com user password 10000
 * </pre>
 */
public final class LoadSampleData {

    private LoadSampleData() {
    }

    /** Loads {@code count} people into the cluster the settings name; returns how many. */
    public static long load(CouchbaseSettings settings, long count, long seed, PrintStream out) {
        try (CouchbaseProfileRepository repository = CouchbaseProfileRepository.connect(settings)) {
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

    /** Arguments: connection string, user, password, count [, bucket]. */
    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: LoadSampleData <connection-string> <user> <password> <count> [bucket]");
            System.exit(2);
        }
        CouchbaseKeyspace keyspace = args.length > 4
                ? new CouchbaseKeyspace(args[4], "profiles", "user_data", "user_images", "service_auth",
                        "profile_lookups")
                : CouchbaseKeyspace.defaults();
        load(CouchbaseSettings.builder(args[0]).credentials(args[1], args[2]).keyspace(keyspace).build(),
                Long.parseLong(args[3]), 1, System.out);
    }
}
