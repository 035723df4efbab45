package io.profilekit.servlet.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.FieldVisibility;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.SearchField;
import io.profilekit.core.SearchQuery;
import io.profilekit.servlet.auth.Authenticator;
import io.profilekit.servlet.internal.access.AccessPolicy;
import io.profilekit.servlet.internal.http.BodyReads;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.http.RouteHandler;
import io.profilekit.servlet.internal.pictures.PictureLinkRoute;
import io.profilekit.servlet.internal.pictures.PictureLinks;
import io.profilekit.servlet.internal.pictures.PictureRenders;
import io.profilekit.servlet.internal.pictures.ProfilePictureResource;
import io.profilekit.servlet.internal.profiles.ExportRoute;
import io.profilekit.servlet.internal.profiles.MeRoute;
import io.profilekit.servlet.internal.profiles.ProfileResource;
import io.profilekit.servlet.internal.profiles.ProfilesRoute;
import io.profilekit.servlet.internal.profiles.SearchRoute;
import io.profilekit.servlet.internal.scim.ScimRoute;
import io.profilekit.servlet.internal.seed.PictureLookups;
import io.profilekit.servlet.internal.seed.ProfileLookups;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts the API together from what {@link io.profilekit.servlet.ProfileApi}'s builder was told:
 * one handler per route, over the repository's asynchronous face, behind the pipeline
 * ({@link ApiHandler}). Every route is wired here, once.
 */
public final class Assembly {

    /** How many tasks may wait for a worker before the next is refused (answered 503). */
    private static final int WORKER_QUEUE = 10_000;

    private final AsyncProfileRepository repository;
    private final ProfileRepository blocking;
    private final MeterRegistry registry;
    private final ExecutorService workers;
    private Authenticator authenticator;
    private int maxProfileBytes;
    private int maxPictureBytes;
    private int maxPictureSide;
    private int maxConcurrentBodyReads;
    private boolean accessLog;
    private long renderCacheBytes;
    private Duration keyLifetime;
    private byte[] signingKey;
    private boolean publicPictures;
    private Duration pictureUrlLifetime;
    private String pictureBaseUrl;
    private Clock clock;
    private Set<String> corsOrigins = Set.of();
    private FieldVisibility visibility = FieldVisibility.DEFAULTS;
    private Set<SearchField> searchFields = SearchQuery.DEFAULT_FIELDS;
    private boolean scim;

    public Assembly(ProfileRepository repository, MeterRegistry registry, ExecutorService workers) {
        this.blocking = repository;
        this.repository = repository.async();
        this.registry = registry;
        this.workers = workers;
    }

    /**
     * The API's workers: threads that may block or compute for long (renders, image checks,
     * people's tokens, scrapes), as many as the machine has cores, daemons, named
     * {@code profilekit-worker-N}; a task beyond a full queue is refused.
     */
    public static ExecutorService workers() {
        AtomicInteger count = new AtomicInteger();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WORKER_QUEUE),
                task -> {
                    Thread thread = new Thread(task, "profilekit-worker-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    public Assembly authenticator(Authenticator value) {
        authenticator = value;
        return this;
    }

    public Assembly limits(int profileBytes, int pictureBytes, int pictureSide, int concurrentBodyReads) {
        maxProfileBytes = profileBytes;
        maxPictureBytes = pictureBytes;
        maxPictureSide = pictureSide;
        maxConcurrentBodyReads = concurrentBodyReads;
        return this;
    }

    public Assembly accessLog(boolean value) {
        accessLog = value;
        return this;
    }

    public Assembly idempotencyKeys(Duration lifetime) {
        keyLifetime = lifetime;
        return this;
    }

    public Assembly renders(long cacheBytes) {
        renderCacheBytes = cacheBytes;
        return this;
    }

    /** @param key the signing key, or {@code null} for the store's shared secret */
    public Assembly pictureLinks(byte[] key, boolean publicOnes, Duration lifetime, String baseUrl, Clock linkClock) {
        signingKey = key;
        publicPictures = publicOnes;
        pictureUrlLifetime = lifetime;
        pictureBaseUrl = baseUrl;
        clock = linkClock;
        return this;
    }

    public Assembly cors(Set<String> origins) {
        corsOrigins = origins;
        return this;
    }

    public Assembly fieldVisibility(FieldVisibility value) {
        visibility = value;
        return this;
    }

    public Assembly searchFields(Set<SearchField> value) {
        searchFields = value;
        return this;
    }

    public Assembly scim(boolean enabled) {
        scim = enabled;
        return this;
    }

    public ApiHandler build() {
        AccessPolicy access = new AccessPolicy(visibility, searchFields);
        BodyReads bodies = new BodyReads(maxConcurrentBodyReads);
        PictureRenders renders = new PictureRenders(maxPictureSide, renderCacheBytes, workers, registry);
        PictureLinks links = new PictureLinks(blocking, signingKey, publicPictures, pictureUrlLifetime, pictureBaseUrl,
                clock);
        ProfileResource profile = new ProfileResource(repository, bodies, maxProfileBytes, links, access, keyLifetime,
                renders);
        ProfilePictureResource picture = new ProfilePictureResource(repository, bodies, maxPictureBytes, maxPictureSide,
                renders, workers);
        RouteHandler profileLookups = new ProfileLookups(repository, access);
        RouteHandler pictureLookups = new PictureLookups(repository, renders);
        RouteHandler profiles = new ProfilesRoute(repository, profile, picture, links, access);
        RouteHandler search = new SearchRoute(repository, links, access);
        RouteHandler export = new ExportRoute(repository);
        RouteHandler me = new MeRoute(repository, profile, picture, access);
        RouteHandler pictureLinks = new PictureLinkRoute(repository, links, renders);
        RouteHandler scimRoute = new ScimRoute(repository, bodies, maxProfileBytes, scim, renders);
        RouteHandler operations = new Operations(repository,
                registry instanceof PrometheusMeterRegistry prometheus ? prometheus : null, workers);
        Map<Route, RouteHandler> handlers = new EnumMap<>(Route.class);
        for (Route route : Route.values()) {
            handlers.put(route, switch (route) {
                case PROFILE_BY_ID, PROFILE_BY_USERNAME, PROFILES_BY_NICKNAME -> profileLookups;
                case PICTURE_RECORD, PICTURE_RAW -> pictureLookups;
                case PROFILES, PROFILE, PROFILE_PICTURE -> profiles;
                case SEARCH -> search;
                case PROFILES_EXPORT -> export;
                case ME, ME_PICTURE, ME_EXPORT -> me;
                case SCIM_USERS, SCIM_USER, SCIM_SERVICE_PROVIDER_CONFIG, SCIM_RESOURCE_TYPES, SCIM_RESOURCE_TYPE,
                        SCIM_SCHEMAS, SCIM_SCHEMA, SCIM_UNSUPPORTED -> scimRoute;
                case PICTURE_LINK -> pictureLinks;
                case HEALTH, READINESS, METRICS, OPENAPI -> operations;
            });
        }
        return new ApiHandler(handlers, new Authentication(authenticator, workers), access, new Cors(corsOrigins),
                new Observation(registry, accessLog));
    }
}
