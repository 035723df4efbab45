package io.profilekit.server;

import io.profilekit.core.ProfileException;
import io.profilekit.core.couchbase.CouchbaseDoctor;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.couchbase.DoctorCheck;
import io.profilekit.server.settings.ApiSettings;
import io.profilekit.server.settings.ConfigurationException;
import io.profilekit.server.settings.Settings;
import io.profilekit.server.settings.StoreSettings;
import java.io.PrintStream;
import java.net.BindException;
import java.time.Duration;
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
 *   <li>{@code generate --count N [--seed S] [--parallelism P]}: writes N generated profiles
 *       with pictures to Couchbase, and a service token if there is none;</li>
 *   <li>{@code reindex [--after ID] [--parallelism P]}: writes the lookup documents of profiles
 *       other tools stored;</li>
 *   <li>{@code import --format F --in FILE ...}: imports people from profilekit's, Auth0's,
 *       Keycloak's or SCIM files ({@link TransferCommands});</li>
 *   <li>{@code export --out FILE [--after ID] [--pictures]}: writes every profile as NDJSON;</li>
 *   <li>{@code doctor}: checks the cluster, keyspace, permissions and indexes {@code serve}
 *       will use, one line per check.</li>
 * </ul>
 * A wrong setting or argument ends it with one line saying what is wrong and status 2; a store
 * that cannot be reached with one line and status 1. Never a stack trace for either.
 */
public final class CommandLine {

    /**
     * The level of the SDK's own log lines in profile-server.jar's logback.xml; {@code doctor}
     * lowers them to errors, as its check lines say what they would.
     */
    static final String SDK_LOG_LEVEL = "profilekit.sdk-log-level";

    static final String USAGE = "usage: java -jar profile-server.jar [serve | init | doctor"
            + " | generate --count N [--seed S] [--parallelism P] | reindex [--after ID] [--parallelism P]"
            + " | import --format ndjson|auth0|keycloak|scim --in FILE [--rejects FILE] [--on-conflict skip|update]"
            + " [--dry-run] [--parallelism P] [--resume LINE] | export --out FILE [--after ID] [--pictures]]";

    private final Settings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final Duration tokenRefresh;

    CommandLine(Settings settings, PrintStream out, PrintStream err) {
        this(settings, out, err, TokenRefresher.INTERVAL);
    }

    CommandLine(Settings settings, PrintStream out, PrintStream err, Duration tokenRefresh) {
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.tokenRefresh = tokenRefresh;
    }

    /**
     * {@code java -jar profile-server.jar [command]}: runs the command with the settings of
     * system properties and environment variables (docs/configuration.md), until the JVM is
     * told to stop when it serves. A wrong setting ends it with one line and exit status 2.
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (args.length > 0 && "doctor".equals(args[0])) {
            // Before the first logger exists: logback reads its configuration then.
            System.setProperty(SDK_LOG_LEVEL, "ERROR");
        }
        int status = new CommandLine(Settings.fromSystem(), System.out, System.err).run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command in {@code args} and returns the process's exit status. */
    int run(String[] args) {
        try {
            KnownSettings.check(settings);
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
                case "generate" -> new BulkCommands(settings, out).generate(args);
                case "reindex" -> new BulkCommands(settings, out).reindex(args);
                case "import" -> new TransferCommands(settings, out).importFile(args);
                case "export" -> new TransferCommands(settings, out).export(args);
                case "doctor" -> {
                    noMoreArguments(args, 1);
                    return doctor();
                }
                default -> throw new ConfigurationException("unknown command '" + command + "'; " + USAGE);
            }
            return 0;
        } catch (ConfigurationException e) {
            err.println("profilekit: " + e.getMessage());
            return 2;
        } catch (ProfileException e) {
            err.println("profilekit: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            if (causedBy(e, BindException.class)) {
                err.println("profilekit: cannot listen on port " + settings.get(ServerSettings.PORT)
                        + ", it is in use; choose another with " + ServerSettings.PORT.environmentName());
            } else {
                log().error("profilekit failed", e);
            }
            return 1;
        }
    }

    /** Starts serving; returns once the server listens. */
    ProfileServer serve(boolean stopAtShutdown) throws Exception {
        ServerSettings listening = ServerSettings.from(settings);
        ConfiguredApi service = ConfiguredApi.open(settings, tokenRefresh);
        ProfileServer server;
        try {
            server = listening.applyTo(ProfileServer.builder())
                    .api(service.api())
                    .acceptAfter(service.ready())
                    .stopAtShutdown(stopAtShutdown)
                    .start();
        } catch (Exception e) {
            service.close();
            throw e;
        }
        server.whenStopped(() -> {
            service.close();
            log().info("profilekit stopped");
        });
        log().info("profilekit {} serving {} on {}", version(), service.description(), server.uri());
        service.generatedToken().ifPresent(token -> {
            out.println();
            out.println("API token, generated for this run (set " + ApiSettings.TOKENS.environmentName()
                    + " to choose your own):");
            out.println("    " + token);
            out.println("Try: curl -H 'Authorization: Bearer " + token + "' " + server.uri() + "/api/v1/id/1");
            out.println();
        });
        return server;
    }

    private void init() {
        Optional<CouchbaseSettings> couchbase = StoreSettings.from(settings).couchbase();
        if (couchbase.isEmpty()) {
            out.println("The in-memory store needs no init.");
            return;
        }
        CouchbaseProfileStore.initialize(couchbase.get(), step -> out.println("  " + step));
        out.println("Initialised " + couchbase.get().keyspace().bucket() + "." + couchbase.get().keyspace().scope()
                + ": collections, indexes and the record id counter are ready.");
    }

    /** Prints one line per check; exit status 0 only when none failed. */
    private int doctor() {
        Optional<CouchbaseSettings> couchbase = StoreSettings.from(settings).couchbase();
        if (couchbase.isEmpty()) {
            out.println("The in-memory store needs no checks; set " + StoreSettings.CONNECTION_STRING.name()
                    + " to check a Couchbase cluster.");
            return 0;
        }
        List<DoctorCheck> checks = CouchbaseDoctor.examine(couchbase.get(), check ->
                out.printf(Locale.ROOT, "%-4s  %-34s %s%n", check.status(), check.name(), check.detail()));
        long failed = checks.stream().filter(check -> check.status() == DoctorCheck.Status.FAIL).count();
        out.println(failed == 0 ? "No check failed." : failed + " check(s) failed.");
        return failed == 0 ? 0 : 1;
    }

    private static void noMoreArguments(String[] args, int expected) {
        if (args.length > expected) {
            throw new ConfigurationException("unexpected argument '" + args[expected] + "'; " + USAGE);
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

    /** Looked up when first used, so that {@link #main} can set {@link #SDK_LOG_LEVEL} before logback starts. */
    private static Logger log() {
        return LoggerFactory.getLogger(CommandLine.class);
    }

    private static String version() {
        String version = CommandLine.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
