package io.profilekit.servlet;

import io.profilekit.core.memory.InMemoryProfileRepository;
import io.profilekit.core.sample.SampleDataLoader;
import java.io.PrintStream;
import java.net.BindException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code java -jar profile-server.jar} does: reads the settings, opens the store, and
 * serves it. Mistakes in settings or arguments end it with one line saying what is wrong.
 */
final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    /** The seed of the demo store's generated people, so every start serves the same ones. */
    static final long DEMO_SEED = 1;

    private final Settings settings;
    private final PrintStream out;
    private final PrintStream err;

    Launcher(Settings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /** Runs the command in {@code args} and returns the process's exit status. */
    int run(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        try {
            if (!command.equals("serve") || args.length > 1) {
                err.println("profilekit: unknown command '" + String.join(" ", args)
                        + "'; usage: java -jar profile-server.jar [serve]");
                return 2;
            }
            serve(true).join();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("profilekit: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            if (causedBy(e, BindException.class)) {
                err.println("profilekit: cannot listen on port " + settings.get("profile.port", "8080")
                        + ", it is in use; choose another with PROFILE_PORT");
            } else {
                LOG.error("profilekit could not start", e);
            }
            return 1;
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

    /** Starts serving; returns once the server listens. */
    ProfileServer serve(boolean stopAtShutdown) throws Exception {
        int port = settings.getInt("profile.port", 8080, 0, 65535);
        int demoProfiles = settings.getInt("profile.demo.profiles", 1000, 0, 10_000_000);
        List<String> tokens = settings.getList("profile.api.tokens");
        boolean generatedToken = tokens.isEmpty();
        if (generatedToken) {
            tokens = List.of(newToken());
        }

        InMemoryProfileRepository repository = new InMemoryProfileRepository();
        long started = System.nanoTime();
        new SampleDataLoader(repository, DEMO_SEED)
                .load(demoProfiles, true, n -> { });
        LOG.info("Generated {} demo profiles with pictures in {} ms", demoProfiles,
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        ProfileServer server;
        try {
            server = ProfileServer.builder()
                    .port(port)
                    .repository(repository)
                    .authenticator(new BearerTokenAuthenticator(tokens))
                    .stopAtShutdown(stopAtShutdown)
                    .start();
        } catch (Exception e) {
            repository.close();
            throw e;
        }
        server.whenStopped(() -> {
            repository.close();
            LOG.info("profilekit stopped");
        });

        LOG.info("profilekit {} serving the in-memory store on {}", version(), server.uri());
        if (generatedToken) {
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
