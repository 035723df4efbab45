package io.profilekit.servlet;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.profilekit.core.FieldVisibility;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.SearchField;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.pictures.PictureSignatures;
import io.profilekit.servlet.auth.Authenticator;
import io.profilekit.servlet.internal.ApiHandler;
import io.profilekit.servlet.internal.Assembly;
import io.profilekit.servlet.internal.servlet.ServletRegistrations;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * profilekit's HTTP API, ready to serve from a servlet container or from Jetty directly: one
 * implementation of every route, behind adapters of a few lines. Services (shared tokens) may do
 * everything; people (an {@link Authenticator}'s {@link io.profilekit.servlet.auth.Person}s) see
 * others' public views and change only their own profile, through {@code /api/v1/me}. Nothing
 * waits on the store: every answer is written when the store answers.
 *
 * <pre>{@code
 * ProfileApi api = ProfileApi.builder(repository)
 *         .authenticator(new BearerTokenAuthenticator(tokens))
 *         .build();
 * api.register(servletContext, "/profiles");   // in a host application, under a prefix
 * }</pre>
 *
 * <p>A good guest: it registers one servlet, under the prefix the host chooses (or at its own
 * paths, {@code /api/*}, {@code /pictures/*}, {@code /healthz}...), no filter, nothing on
 * {@code /} unless asked, and warns when a host servlet would be shadowed. Its meters go into
 * the registry it is given (under {@code profilekit.}), and it closes only what it made.
 */
public final class ProfileApi implements AutoCloseable {

    /** 32 MiB: some 20,000 of the demo's 64-pixel avatars (1.4 KB each). */
    public static final long DEFAULT_RENDER_CACHE_BYTES = 32L << 20;
    /** The largest render cache: 1 GiB. */
    public static final long MAX_RENDER_CACHE_BYTES = 1L << 30;
    /** How long a create's {@code Idempotency-Key} is kept, and a retry with it answered the same: a day. */
    public static final Duration DEFAULT_IDEMPOTENCY_KEY_LIFETIME = Duration.ofDays(1);
    /** A signed picture URL stays valid for at least this long, and at most twice it. */
    public static final Duration DEFAULT_PICTURE_URL_LIFETIME = Duration.ofDays(7);

    private final MeterRegistry registry;
    private final boolean ownsRegistry;
    private final ExecutorService workers;
    private final ApiHandler handler;

    private ProfileApi(Builder builder) {
        Objects.requireNonNull(builder.authenticator, "an authenticator is required");
        ownsRegistry = builder.registry == null;
        registry = ownsRegistry ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : builder.registry;
        workers = Assembly.workers();
        handler = new Assembly(builder.repository, registry, workers)
                .authenticator(builder.authenticator)
                .limits(builder.limits.maxProfileBytes(), builder.limits.maxPictureBytes(),
                        builder.limits.maxPictureSide(), builder.limits.maxConcurrentBodyReads())
                .accessLog(builder.accessLog)
                .renders(builder.renderCacheBytes)
                .idempotencyKeys(builder.idempotencyKeyLifetime)
                .pictureLinks(builder.pictureSigningKey, builder.publicPictures, builder.pictureUrlLifetime,
                        builder.pictureBaseUrl, builder.clock)
                .cors(builder.corsAllowedOrigins)
                .fieldVisibility(builder.fieldVisibility)
                .searchFields(builder.searchFields)
                .scim(builder.scim)
                .build();
    }

    /** An API over {@code repository}. */
    public static Builder builder(ProfileRepository repository) {
        return new Builder(repository);
    }

    /**
     * The registry the API records into: the one it was given, or the Prometheus registry it
     * made and serves at {@code /metrics}; bind your own meters to it if you like.
     */
    public MeterRegistry meterRegistry() {
        return registry;
    }

    /** The handler every adapter serves. */
    ApiHandler handler() {
        return handler;
    }

    /**
     * Registers the API at its own paths in {@code context} ({@code /api/*}, {@code /pictures/*},
     * {@code /healthz}, {@code /readyz}, {@code /metrics}, {@code /openapi.yaml}), nothing else;
     * call it while the context initialises.
     */
    public void register(ServletContext context) {
        register(context, "");
    }

    /**
     * Registers the API under {@code prefix} in {@code context} ({@code /profiles} serves
     * {@code /profiles/api/v1/...}, {@code /profiles/healthz}...); {@code ""} is
     * {@link #register(ServletContext)}. Call it while the context initialises.
     */
    public void register(ServletContext context, String prefix) {
        ServletRegistrations.register(context, handler, checkedPrefix(prefix), false);
    }

    /**
     * Registers the API as the whole web application (the WAR): at its own paths, and
     * answering every other path with a 404 problem.
     */
    public void registerAsApplication(ServletContext context) {
        ServletRegistrations.register(context, handler, "", true);
    }

    /** Stops the worker threads, and closes the meter registry if the API made it; the repository stays open. */
    @Override
    public void close() {
        workers.shutdownNow();
        if (ownsRegistry) {
            registry.close();
        }
    }

    /** A mount prefix: empty, or a path of one or more segments without a trailing slash. */
    static String checkedPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.isEmpty() && (!prefix.matches("(/[A-Za-z0-9._~-]+)+") || prefix.contains("/./")
                || prefix.endsWith("/.") || prefix.contains("/.."))) {
            throw new IllegalArgumentException("a prefix is empty or a path such as /profiles: '/' then letters, digits,"
                    + " '.', '_', '~' or '-' in each segment, no trailing '/'");
        }
        return prefix;
    }

    /** Builds a {@link ProfileApi}. */
    public static final class Builder {
        private final ProfileRepository repository;
        private Authenticator authenticator;
        private ApiLimits limits = ApiLimits.DEFAULTS;
        private boolean accessLog;
        private long renderCacheBytes = DEFAULT_RENDER_CACHE_BYTES;
        private Duration idempotencyKeyLifetime = DEFAULT_IDEMPOTENCY_KEY_LIFETIME;
        private byte[] pictureSigningKey;
        private boolean publicPictures;
        private Duration pictureUrlLifetime = DEFAULT_PICTURE_URL_LIFETIME;
        private String pictureBaseUrl;
        private Clock clock = Clock.systemUTC();
        private Set<String> corsAllowedOrigins = Set.of();
        private FieldVisibility fieldVisibility = FieldVisibility.DEFAULTS;
        private Set<SearchField> searchFields = SearchQuery.DEFAULT_FIELDS;
        private boolean scim;
        private MeterRegistry registry;

        private Builder(ProfileRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
        }

        /** Who may call {@code /api/}. Required. */
        public Builder authenticator(Authenticator value) {
            authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        /** Body and picture limits; {@link ApiLimits#DEFAULTS} unless set. */
        public Builder limits(ApiLimits value) {
            limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /**
         * Whether to write an access-log line per request to the logger {@code io.profilekit.access}.
         * Off unless set: in profilekit's benchmark it cost about a quarter of the server's CPU per
         * request, and the metrics count the same requests.
         */
        public Builder accessLog(boolean value) {
            accessLog = value;
            return this;
        }

        /**
         * How many bytes of rendered pictures (picture URLs' answers, default avatars,
         * {@code ?size=}, JPEG 2000 for browsers) to keep in memory;
         * {@link #DEFAULT_RENDER_CACHE_BYTES} unless set, 0 to keep none.
         */
        public Builder renderCacheBytes(long value) {
            if (value < 0 || value > MAX_RENDER_CACHE_BYTES) {
                throw new IllegalArgumentException("the render cache must be from 0 to " + MAX_RENDER_CACHE_BYTES
                        + " bytes");
            }
            renderCacheBytes = value;
            return this;
        }

        /**
         * How long the {@code Idempotency-Key} of a create ({@code POST /api/v1/profiles},
         * {@code POST /api/v1/me}) is kept in the store, from its first use: for so long, a
         * retry with the key and the same body answers what the first answered, through any
         * instance. {@link #DEFAULT_IDEMPOTENCY_KEY_LIFETIME} unless set; a second at least.
         */
        public Builder idempotencyKeyLifetime(Duration value) {
            if (value.toSeconds() < 1) {
                throw new IllegalArgumentException("an idempotency key is kept for a second at least");
            }
            idempotencyKeyLifetime = value;
            return this;
        }

        /**
         * The key that signs picture URLs (at least 32 bytes; give every instance the same). Unless
         * set, the store's shared secret {@code picture-urls}, made on first use, which every
         * instance on the store shares.
         */
        public Builder pictureSigningKey(byte[] value) {
            if (value.length < PictureSignatures.MIN_KEY_BYTES) {
                throw new IllegalArgumentException("the picture signing key needs at least "
                        + PictureSignatures.MIN_KEY_BYTES + " bytes (openssl rand -base64 32 makes one)");
            }
            pictureSigningKey = value.clone();
            return this;
        }

        /**
         * Whether every profile's picture is public: {@code picture_url} is then unsigned and never
         * expires. Off unless set: pictures are reached only through signed URLs that expire.
         */
        public Builder publicPictures(boolean value) {
            publicPictures = value;
            return this;
        }

        /**
         * How long a signed picture URL stays valid at least (at most twice as long; the expiry
         * moves in steps of this, so answers within a step share one URL that caches keep);
         * {@link #DEFAULT_PICTURE_URL_LIFETIME} unless set.
         */
        public Builder pictureUrlLifetime(Duration value) {
            if (value.toSeconds() < 1) {
                throw new IllegalArgumentException("the picture URL lifetime must be at least a second");
            }
            pictureUrlLifetime = value;
            return this;
        }

        /**
         * Where clients reach the API, such as {@code https://example.com/profiles} (scheme, host
         * and context path); picture URLs start with it. Unless set, each is made from the
         * request it answers, which behind a proxy may name the proxy's target instead.
         */
        public Builder pictureBaseUrl(String value) {
            URI uri = URI.create(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("the picture base URL must be an http or https URL without"
                        + " query or fragment");
            }
            pictureBaseUrl = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            return this;
        }

        /**
         * The origins ({@code https://app.example.com}: scheme, host and port if not the
         * default, as browsers send them) whose pages may call the API: CORS preflights from
         * them are answered without a token, and their requests get
         * {@code Access-Control-Allow-Origin}. None unless set; {@code *} is not accepted.
         *
         * @throws IllegalArgumentException for a value that is no such origin
         */
        public Builder corsAllowedOrigins(Collection<String> values) {
            for (String value : values) {
                URI uri;
                try {
                    uri = URI.create(value);
                } catch (IllegalArgumentException e) {
                    uri = null;
                }
                boolean defaultPort = uri != null && (uri.getPort() == 80 && "http".equals(uri.getScheme())
                        || uri.getPort() == 443 && "https".equals(uri.getScheme()));
                if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        || uri.getHost() == null || defaultPort || !value.equals(value.toLowerCase(Locale.ROOT))
                        || !value.equals(uri.getScheme() + "://" + uri.getHost()
                                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()))) {
                    throw new IllegalArgumentException("'" + value + "' is no origin as browsers send it: such as"
                            + " https://app.example.com or http://localhost:3000 (lower case, no default port, no path,"
                            + " no *)");
                }
            }
            corsAllowedOrigins = Set.copyOf(values);
            return this;
        }

        /**
         * Which fields people see of others' profiles, and which they may not change in their
         * own; {@link FieldVisibility#DEFAULTS} unless set. Services see and change everything.
         */
        public Builder fieldVisibility(FieldVisibility value) {
            fieldVisibility = Objects.requireNonNull(value, "fieldVisibility");
            return this;
        }

        /**
         * Which fields services' searches ({@code /api/v1/search}) match; people's match those of
         * them that are public. {@link SearchQuery#DEFAULT_FIELDS} unless set.
         */
        public Builder searchFields(Set<SearchField> value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("search needs at least one field to match");
            }
            searchFields = Set.copyOf(value);
            return this;
        }

        /**
         * Whether to serve SCIM 2.0 under {@code /scim/v2} for identity providers (Okta, Entra ID),
         * to service tokens only; off unless set, when every SCIM path answers 404.
         */
        public Builder scim(boolean enabled) {
            scim = enabled;
            return this;
        }

        /** The clock that picture URLs expire by; the system's unless set (tests set their own). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The registry to record into (the application's, say): the API's meters join it, under
         * {@code profilekit.}; {@code /metrics} serves it only when it is a Prometheus registry.
         * The API never closes it. A Prometheus registry of the API's own unless set.
         */
        public Builder meterRegistry(MeterRegistry value) {
            registry = Objects.requireNonNull(value, "registry");
            return this;
        }

        public ProfileApi build() {
            return new ProfileApi(this);
        }
    }
}
