package io.profilekit.servlet;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.profilekit.core.FieldVisibility;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.pictures.PictureSignatures;
import io.profilekit.servlet.auth.Authenticator;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import io.profilekit.servlet.internal.AuthenticationFilter;
import io.profilekit.servlet.internal.CorsFilter;
import io.profilekit.servlet.internal.HealthServlet;
import io.profilekit.servlet.internal.MeServlet;
import io.profilekit.servlet.internal.MetricsServlet;
import io.profilekit.servlet.internal.NotFoundServlet;
import io.profilekit.servlet.internal.ObservationFilter;
import io.profilekit.servlet.internal.OpenApiServlet;
import io.profilekit.servlet.internal.PictureLinkServlet;
import io.profilekit.servlet.internal.PictureLookupServlet;
import io.profilekit.servlet.internal.ProfileLookupServlet;
import io.profilekit.servlet.internal.ProfilesServlet;
import io.profilekit.servlet.internal.ReadinessServlet;
import io.profilekit.servlet.internal.access.AccessFilter;
import io.profilekit.servlet.internal.access.AccessRules;
import io.profilekit.servlet.internal.http.RequestBodies;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.pictures.PictureLinks;
import io.profilekit.servlet.internal.pictures.PictureRenders;
import io.profilekit.servlet.internal.pictures.ProfilePictureResource;
import io.profilekit.servlet.internal.profiles.ProfileResource;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * profilekit's HTTP API, ready to register in a servlet context: request ids, metrics and (when
 * asked for) the access log on every request, authentication over {@code /api/*}, one servlet
 * per route, and a 404 for everything else. Services (shared tokens) may do everything; people
 * (an {@link Authenticator}'s {@link io.profilekit.servlet.auth.Person}s) see others' public
 * views and change only their own profile, through {@code /api/v1/me}. The embedded server and the WAR both call
 * {@link #register} while their context initialises, so both serve the same API.
 *
 * <pre>{@code
 * ProfileApi api = ProfileApi.builder(repository)
 *         .authenticator(new BearerTokenAuthenticator(tokens))
 *         .build();
 * api.register(servletContext);   // from ServletContextListener.contextInitialized
 * }</pre>
 */
public final class ProfileApi implements AutoCloseable {

    /** 32 MiB: some 20,000 of the demo's 64-pixel avatars (1.4 KB each). */
    public static final long DEFAULT_RENDER_CACHE_BYTES = 32L << 20;
    /** A signed picture URL stays valid for at least this long, and at most twice it. */
    public static final Duration DEFAULT_PICTURE_URL_LIFETIME = Duration.ofDays(7);

    private final ProfileRepository repository;
    private final Authenticator authenticator;
    private final ApiLimits limits;
    private final boolean accessLog;
    private final long renderCacheBytes;
    private final byte[] pictureSigningKey;
    private final boolean publicPictures;
    private final Duration pictureUrlLifetime;
    private final String pictureBaseUrl;
    private final Clock clock;
    private final Set<String> corsAllowedOrigins;
    private final FieldVisibility fieldVisibility;
    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> binders;

    private ProfileApi(Builder builder) {
        repository = builder.repository;
        authenticator = Objects.requireNonNull(builder.authenticator, "an authenticator is required");
        limits = builder.limits;
        accessLog = builder.accessLog;
        renderCacheBytes = builder.renderCacheBytes;
        pictureSigningKey = builder.pictureSigningKey;
        publicPictures = builder.publicPictures;
        pictureUrlLifetime = builder.pictureUrlLifetime;
        pictureBaseUrl = builder.pictureBaseUrl;
        clock = builder.clock;
        corsAllowedOrigins = builder.corsAllowedOrigins;
        fieldVisibility = builder.fieldVisibility;
        registry = builder.registry != null ? builder.registry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gc = new JvmGcMetrics();
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics())) {
            binder.bindTo(registry);
        }
        binders = List.of(gc);
    }

    /** An API over {@code repository}. */
    public static Builder builder(ProfileRepository repository) {
        return new Builder(repository);
    }

    /** The registry {@code /metrics} serves; bind your own meters (a container's, say) to it. */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    /** Adds every filter and route to {@code context}; call it while the context initialises. */
    public void register(ServletContext context) {
        filter(context, "profilekit-observation", new ObservationFilter(registry, accessLog), "/*");
        if (!corsAllowedOrigins.isEmpty()) {
            filter(context, "profilekit-cors", new CorsFilter(corsAllowedOrigins), "/*");
        }
        filter(context, "profilekit-authentication", new AuthenticationFilter(authenticator), "/api/*");
        AccessRules rules = new AccessRules(fieldVisibility);
        filter(context, "profilekit-access", new AccessFilter(rules), "/api/*");

        ProfileLookupServlet profileLookups = new ProfileLookupServlet(repository, rules);
        PictureRenders renders = new PictureRenders(limits.maxPictureSide(), renderCacheBytes, registry);
        PictureLookupServlet pictureLookups = new PictureLookupServlet(repository, renders);
        PictureLinks links = new PictureLinks(repository, pictureSigningKey, publicPictures, pictureUrlLifetime,
                pictureBaseUrl, clock);
        RequestBodies bodies = new RequestBodies(limits.maxConcurrentBodyReads());
        ProfileResource profile = new ProfileResource(repository, bodies, limits.maxProfileBytes(), links,
                fieldVisibility);
        ProfilePictureResource picture = new ProfilePictureResource(repository, bodies, limits.maxPictureBytes(),
                limits.maxPictureSide(), renders);
        ProfilesServlet profiles = new ProfilesServlet(repository, profile, picture, links, rules);
        MeServlet me = new MeServlet(repository, profile, picture, fieldVisibility);
        for (Route route : Route.values()) {
            servlet(context, route, switch (route) {
                case PROFILE_BY_ID, PROFILE_BY_USERNAME, PROFILES_BY_NICKNAME -> profileLookups;
                case PICTURE_RECORD, PICTURE_RAW -> pictureLookups;
                case PROFILES, PROFILE, PROFILE_PICTURE -> profiles;
                case ME, ME_PICTURE -> me;
                case PICTURE_LINK -> new PictureLinkServlet(repository, links, renders);
                case HEALTH -> new HealthServlet();
                case READINESS -> new ReadinessServlet(repository);
                case METRICS -> new MetricsServlet(registry);
                case OPENAPI -> new OpenApiServlet();
            });
        }
        ServletRegistration.Dynamic notFound = context.addServlet("profilekit-not-found", new NotFoundServlet());
        notFound.addMapping("/");
        notFound.setAsyncSupported(false);
    }

    /** Releases the metrics' resources (the GC listener); the repository stays open. */
    @Override
    public void close() throws Exception {
        for (AutoCloseable binder : binders) {
            binder.close();
        }
        registry.close();
    }

    private static void filter(ServletContext context, String name, Filter filter, String mapping) {
        context.addFilter(name, filter).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, mapping);
    }

    /**
     * Maps {@code route} to {@code servlet}, registering the servlet on its first route (one
     * servlet may serve several routes, each reached through its own mapping).
     */
    private static void servlet(ServletContext context, Route route, Servlet servlet) {
        String name = "profilekit-" + servlet.getClass().getSimpleName();
        ServletRegistration registration = context.getServletRegistration(name);
        if (registration == null) {
            ServletRegistration.Dynamic added = context.addServlet(name, servlet);
            added.setAsyncSupported(false);
            registration = added;
        }
        if (!registration.getMappings().contains(route.mapping())) {
            registration.addMapping(route.mapping());
        }
    }

    /** Builds a {@link ProfileApi}. */
    public static final class Builder {
        private final ProfileRepository repository;
        private Authenticator authenticator;
        private ApiLimits limits = ApiLimits.DEFAULTS;
        private boolean accessLog;
        private long renderCacheBytes = DEFAULT_RENDER_CACHE_BYTES;
        private byte[] pictureSigningKey;
        private boolean publicPictures;
        private Duration pictureUrlLifetime = DEFAULT_PICTURE_URL_LIFETIME;
        private String pictureBaseUrl;
        private Clock clock = Clock.systemUTC();
        private Set<String> corsAllowedOrigins = Set.of();
        private FieldVisibility fieldVisibility = FieldVisibility.DEFAULTS;
        private PrometheusMeterRegistry registry;

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
            if (value < 0) {
                throw new IllegalArgumentException("renderCacheBytes must not be negative");
            }
            renderCacheBytes = value;
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
                        + PictureSignatures.MIN_KEY_BYTES + " bytes");
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

        /** The clock that picture URLs expire by; the system's unless set (tests set their own). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The registry to record into and serve; a new one unless set. */
        public Builder meterRegistry(PrometheusMeterRegistry value) {
            registry = Objects.requireNonNull(value, "registry");
            return this;
        }

        public ProfileApi build() {
            return new ProfileApi(this);
        }
    }
}
