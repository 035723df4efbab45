package io.profilekit.servlet;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.couchbase.CouchbaseProfileRepository;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.memory.InMemoryProfileRepository;
import io.profilekit.core.sample.SampleDataLoader;
import java.io.PrintStream;
import java.net.BindException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code java -jar profile-server.jar [command]} does:
 * <ul>
 *   <li>{@code serve} (the default): serves the configured store until stopped;</li>
 *   <li>{@code init}: prepares a Couchbase keyspace (collections, indexes, id counter);</li>
 *   <li>{@code generate --count N [--seed S]}: writes N generated profiles with pictures to
 *       Couchbase, and a service token if there is none;</li>
 *   <li>{@code reindex}: writes the lookup documents of profiles other tools stored.</li>
 * </ul>
 * A wrong setting or argument ends it with one line saying what is wrong and status 2; a store
 * that cannot be reached with one line and status 1. Never a stack trace for either.
 */
final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    /** The seed of the demo store's generated people, so every start serves the same ones. */
    static final long DEMO_SEED = 1;

    static final String USAGE = "usage: java -jar profile-server.jar [serve | init | generate --count N [--seed S] | reindex]";

    private final Settings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final Duration tokenRefresh;

    Launcher(Settings settings, PrintStream out, PrintStream err) {
        this(settings, out, err, TokenRefresher.INTERVAL);
    }

    Launcher(Settings settings, PrintStream out, PrintStream err, Duration tokenRefresh) {
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.tokenRefresh = tokenRefresh;
    }

    /** Runs the command in {@code args} and returns the process's exit status. */
    int run(String[] args) {
        try {
            String command = args.length == 0 ? "serve" : args[0];
            switch (command) {
                case "serve" -> {
                    noMoreArguments(args, 1);
                    serve(true).join();
                }
                case "init" -> {
                    noMoreArguments(args, 1);
                    init();
                }
                case "generate" -> generate(args);
                case "reindex" -> {
                    noMoreArguments(args, 1);
                    reindex();
                }
                default -> throw new IllegalArgumentException("unknown command '" + command + "'; " + USAGE);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("profilekit: " + e.getMessage());
            return 2;
        } catch (StoreUnavailableException e) {
            err.println("profilekit: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            if (causedBy(e, BindException.class)) {
                err.println("profilekit: cannot listen on port " + settings.get("profile.port", "8080")
                        + ", it is in use; choose another with PROFILE_PORT");
            } else {
                LOG.error("profilekit failed", e);
            }
            return 1;
        }
    }

    /** Starts serving; returns once the server listens. */
    ProfileServer serve(boolean stopAtShutdown) throws Exception {
        int port = settings.getInt("profile.port", 8080, 0, 65535);
        List<String> configured = settings.getList("profile.api.tokens");
        Optional<CouchbaseSettings> couchbase = StoreSettings.from(settings).couchbase();
        return couchbase.isPresent()
                ? serveCouchbase(couchbase.get(), port, configured, stopAtShutdown)
                : serveMemory(port, configured, stopAtShutdown);
    }

    private ProfileServer serveMemory(int port, List<String> configured, boolean stopAtShutdown) throws Exception {
        int demoProfiles = settings.getInt("profile.demo.profiles", 1000, 0, 10_000_000);
        List<String> tokens = configured.isEmpty() ? List.of(newToken()) : configured;
        InMemoryProfileRepository repository = new InMemoryProfileRepository();
        long started = System.nanoTime();
        new SampleDataLoader(repository, DEMO_SEED).load(demoProfiles, true, n -> { });
        LOG.info("Generated {} demo profiles with pictures in {} ms", demoProfiles,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        ProfileServer server = start(port, repository, new BearerTokenAuthenticator(tokens), stopAtShutdown, null);
        LOG.info("profilekit {} serving the in-memory store on {}", version(), server.uri());
        if (configured.isEmpty()) {
            out.println();
            out.println("API token, generated for this run (set PROFILE_API_TOKENS to choose your own):");
            out.println("    " + tokens.get(0));
            out.println("Try: curl -H 'Authorization: Bearer " + tokens.get(0) + "' "
                    + server.uri() + "/api/v1/id/1");
            out.println();
        } else {
            LOG.info("Accepting the {} API token(s) from profile.api.tokens", tokens.size());
        }
        return server;
    }

    private ProfileServer serveCouchbase(CouchbaseSettings couchbase, int port, List<String> configured,
            boolean stopAtShutdown) throws Exception {
        CouchbaseProfileRepository repository = CouchbaseProfileRepository.connect(couchbase);
        try {
            List<String> tokens = TokenRefresher.accepted(configured, repository.serviceToken());
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("no API token: set PROFILE_API_TOKENS, or store one in "
                        + "service_auth:1 (the generate command does)");
            }
            BearerTokenAuthenticator authenticator = new BearerTokenAuthenticator(tokens);
            TokenRefresher refresher = TokenRefresher.start(configured, repository::serviceToken, authenticator,
                    tokens, tokenRefresh);
            ProfileServer server = start(port, repository, authenticator, stopAtShutdown, refresher);
            LOG.info("profilekit {} serving Couchbase {}.{} on {}; accepting {} API token(s)", version(),
                    couchbase.keyspace().bucket(), couchbase.keyspace().scope(), server.uri(), tokens.size());
            return server;
        } catch (Exception e) {
            repository.close();
            throw e;
        }
    }

    private ProfileServer start(int port, ProfileRepository repository, Authenticator authenticator,
            boolean stopAtShutdown, AutoCloseable alsoClose) throws Exception {
        ProfileApi api = ProfileApi.builder(repository)
                .authenticator(authenticator)
                .limits(new ApiLimits(
                        settings.getInt("profile.api.max-profile-bytes", ApiLimits.DEFAULTS.maxProfileBytes(), 1024, 16 << 20),
                        settings.getInt("profile.api.max-picture-bytes", ApiLimits.DEFAULTS.maxPictureBytes(), 1024, 16 << 20),
                        ApiLimits.DEFAULTS.maxPictureSide()))
                .build();
        ProfileServer server;
        try {
            server = ProfileServer.builder()
                    .port(port)
                    .api(api)
                    .stopAtShutdown(stopAtShutdown)
                    .start();
        } catch (Exception e) {
            closeQuietly(alsoClose);
            closeQuietly(api);
            repository.close();
            throw e;
        }
        server.whenStopped(() -> {
            closeQuietly(alsoClose);
            closeQuietly(api);
            repository.close();
            LOG.info("profilekit stopped");
        });
        return server;
    }

    private void init() {
        Optional<CouchbaseSettings> couchbase = StoreSettings.from(settings).couchbase();
        if (couchbase.isEmpty()) {
            out.println("The in-memory store needs no init.");
            return;
        }
        try (CouchbaseProfileRepository repository = CouchbaseProfileRepository.connect(couchbase.get())) {
            repository.init();
        }
        out.println("Initialised " + couchbase.get().keyspace().bucket() + "." + couchbase.get().keyspace().scope()
                + ": collections, indexes and the record id counter are ready.");
    }

    private void generate(String[] args) {
        long count = -1;
        long seed = DEMO_SEED;
        for (int i = 1; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--count" -> count = number("--count", value, 1);
                case "--seed" -> seed = number("--seed", value, Long.MIN_VALUE);
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; " + USAGE);
            }
        }
        if (count < 1) {
            throw new IllegalArgumentException("generate needs --count N; " + USAGE);
        }
        CouchbaseSettings couchbase = StoreSettings.from(settings).couchbase().orElseThrow(() ->
                new IllegalArgumentException("generate writes to Couchbase: set profile.db.connection-string "
                        + "(the in-memory store is filled at start, see profile.demo.profiles)"));
        try (CouchbaseProfileRepository repository = CouchbaseProfileRepository.connect(couchbase)) {
            long total = count;
            long step = Math.max(1, total / 10);
            long started = System.nanoTime();
            new SampleDataLoader(repository, seed).load(total, true, done -> {
                if (done % step == 0 || done == total) {
                    out.printf(Locale.ROOT, "  %d/%d profiles (%d%%)%n", done, total, done * 100 / total);
                }
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "Wrote %d profiles with pictures in %.1f s (%.0f profiles/s)%n",
                    total, seconds, total / seconds);
            String token = repository.createServiceTokenIfAbsent(newToken());
            out.println("API token (service_auth:1): " + token);
        }
    }

    private void reindex() {
        Optional<CouchbaseSettings> couchbase = StoreSettings.from(settings).couchbase();
        if (couchbase.isEmpty()) {
            out.println("The in-memory store keeps its own indexes; there is nothing to reindex.");
            return;
        }
        try (CouchbaseProfileRepository repository = CouchbaseProfileRepository.connect(couchbase.get())) {
            CouchbaseProfileRepository.ReindexReport report = repository.reindex(done ->
                    out.printf(Locale.ROOT, "  %d profiles%n", done));
            out.printf(Locale.ROOT, "Reindexed %d profiles (%d unreadable).%n", report.profiles(), report.unreadable());
            if (!report.duplicateUsernames().isEmpty()) {
                out.println("Usernames held by more than one profile (found by username: the first): "
                        + String.join(", ", report.duplicateUsernames()));
            }
        }
    }

    private static long number(String option, String text, long min) {
        try {
            long value = Long.parseLong(text);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a whole number" + (min > 0 ? " from " + min : "")
                + ", not '" + text + "'");
    }

    private static void noMoreArguments(String[] args, int expected) {
        if (args.length > expected) {
            throw new IllegalArgumentException("unexpected argument '" + args[expected] + "'; " + USAGE);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Could not close {}", closeable, e);
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String newToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String version() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
