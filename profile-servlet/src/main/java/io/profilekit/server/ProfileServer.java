package io.profilekit.server;

import static io.profilekit.core.internal.Durations.positive;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.ProfileHandler;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * profilekit on embedded Jetty, to embed in your own program ({@link CommandLine} is the one of
 * {@code java -jar profile-server.jar}). The server serves the given repository until {@link #stop()},
 * which stops accepting connections and lets requests in flight finish first.
 *
 * <pre>{@code
 * ProfileApi api = ProfileApi.builder(repository)
 *         .authenticator(new BearerTokenAuthenticator(List.of(token)))
 *         .build();
 * try (ProfileServer server = ProfileServer.builder().port(0).api(api).start()) {
 *     URI base = server.uri();
 * }
 * }</pre>
 */
public final class ProfileServer implements AutoCloseable {

    private final Server jetty;
    private final ServerConnector connector;

    private ProfileServer(Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on (the chosen one when built with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The server's base URI on the loopback interface. */
    public URI uri() {
        return URI.create("http://localhost:" + port());
    }

    /**
     * Stops gracefully: no new connections, requests in flight finish (up to the stop timeout).
     * Does not close the API or its repository, which belong to whoever built the server.
     */
    public void stop() throws Exception {
        jetty.stop();
    }

    /** Waits until the server has stopped. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** Builds and starts a {@link ProfileServer}. */
    public static final class Builder {
        private int port = ServerDefaults.PORT;
        private ProfileApi api;
        private Duration stopTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = ServerDefaults.IDLE_TIMEOUT;
        private Duration headerTimeout = ServerDefaults.HEADER_TIMEOUT;
        private long minBodyRate = ServerDefaults.MIN_BODY_RATE;
        private boolean stopAtShutdown;
        private CompletionStage<?> acceptAfter = CompletableFuture.completedFuture(null);
        private boolean servletContext;

        private Builder() {
        }

        /** The port to listen on; 0 picks a free one. Default 8080. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535");
            }
            port = value;
            return this;
        }

        /** The API to serve. Required. Jetty's thread pool and connection meters join its registry. */
        public Builder api(ProfileApi value) {
            api = Objects.requireNonNull(value, "api");
            return this;
        }

        /**
         * How long a connection may stay silent, mid-request or between requests, before it is
         * closed (a body still awaited is answered 408 first). Default 10 seconds.
         */
        public Builder idleTimeout(Duration value) {
            idleTimeout = positive(value, "idleTimeout");
            return this;
        }

        /**
         * How long a request's line and headers may take from their first byte; a connection
         * still sending them after that is closed, however steadily it sends. Default 10 seconds.
         */
        public Builder headerTimeout(Duration value) {
            headerTimeout = positive(value, "headerTimeout");
            return this;
        }

        /**
         * The fewest bytes a second a request body must arrive at, counted from when it is first read;
         * a slower one is answered 408. 0 sets no minimum. Default 1024.
         */
        public Builder minBodyRate(long bytesPerSecond) {
            if (bytesPerSecond < 0) {
                throw new IllegalArgumentException("minBodyRate must not be negative");
            }
            minBodyRate = bytesPerSecond;
            return this;
        }

        /** How long {@link #stop()} waits for requests in flight. Default 30 seconds. */
        public Builder stopTimeout(Duration value) {
            stopTimeout = Objects.requireNonNull(value, "stopTimeout");
            return this;
        }

        /**
         * Whether to serve the API through a servlet context (its servlet adapter, as a servlet
         * container does) instead of Jetty's core handler: the same answers, a little slower; for
         * programs that add servlets or filters of their own beside it. Default no.
         */
        public Builder servletContext(boolean value) {
            servletContext = value;
            return this;
        }

        /**
         * Accepts connections only once {@code ready} completes, for a store that fills itself
         * while the server starts (the jar's demo store): the port is taken before anything else
         * starts, so one in use fails at once, and a client that connects meanwhile waits rather
         * than finding the store half full. {@link #start()} returns once connections are accepted,
         * and fails with {@code ready}'s failure. Default: at once.
         */
        public Builder acceptAfter(CompletionStage<?> value) {
            acceptAfter = Objects.requireNonNull(value, "acceptAfter");
            return this;
        }

        /** Whether the JVM's shutdown (SIGTERM, Ctrl-C) stops the server gracefully. Default no. */
        public Builder stopAtShutdown(boolean value) {
            stopAtShutdown = value;
            return this;
        }

        /** Starts the server; it listens when this returns. */
        public ProfileServer start() throws Exception {
            Objects.requireNonNull(api, "api is required");

            QueuedThreadPool threads = new QueuedThreadPool(200, 8);
            threads.setName("profilekit-http");
            Server jetty = new Server(threads);

            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // Jetty's header cache otherwise matches values ignoring case and may hand a
            // servlet a cached value in another case than the client sent: fatal for tokens.
            http.setHeaderCacheCaseSensitive(true);
            ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
            connector.setPort(port);
            connector.setIdleTimeout(idleTimeout.toMillis());
            connector.addBean(new JettyConnectionMetrics(api.meterRegistry(), connector));
            connector.open();
            jetty.addBean(new HeaderDeadline(connector, headerTimeout));

            Handler profiles = servletContext ? servletHandler(api) : new ProfileHandler(api, "");
            new JettyServerThreadPoolMetrics(threads, Tags.empty()).bindTo(api.meterRegistry());
            jetty.setHandler(new GracefulHandler(minBodyRate > 0 ? new MinimumBodyRate(profiles, minBodyRate) : profiles));
            jetty.setErrorHandler(new ProblemErrorHandler());
            jetty.setStopTimeout(stopTimeout.toMillis());
            jetty.setStopAtShutdown(stopAtShutdown);
            try {
                jetty.start();
                await(acceptAfter);
                jetty.addConnector(connector);
                connector.start();
            } catch (Exception | Error e) {
                try {
                    jetty.stop();
                } catch (Exception stopping) {
                    e.addSuppressed(stopping);
                }
                connector.close();
                throw e;
            }
            return new ProfileServer(jetty, connector);
        }
    }

    /** Waits for {@code stage}; throws what it failed with. */
    private static void await(CompletionStage<?> stage) throws Exception {
        try {
            stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** A servlet context at the root that serves {@code api} as a whole application. */
    private static Handler servletHandler(ProfileApi api) {
        ServletContextHandler context = new ServletContextHandler("/");
        // Jetty caches filter chains by request path: with a path per profile the cache
        // never hits and only adds its upkeep to every request.
        context.getServletHandler().setFilterChainsCached(false);
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                api.registerAsApplication(event.getServletContext());
            }
        });
        return context;
    }

    /** Adds {@code task} to what happens once the server has stopped. */
    void whenStopped(Runnable task) {
        jetty.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopped(LifeCycle event) {
                task.run();
            }
        });
    }
}
