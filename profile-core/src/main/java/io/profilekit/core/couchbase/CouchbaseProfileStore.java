package io.profilekit.core.couchbase;

import com.couchbase.client.core.deps.io.netty.util.concurrent.FastThreadLocal;
import com.couchbase.client.java.Cluster;
import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.couchbase.internal.StoreParts;
import io.profilekit.core.couchbase.internal.connection.ClusterConnection;
import io.profilekit.core.couchbase.internal.kv.Availability;
import io.profilekit.core.couchbase.internal.kv.Keys;
import io.profilekit.core.couchbase.internal.query.QueryRunner;
import io.profilekit.core.internal.Futures;
import io.profilekit.core.spi.IdempotencyRecord;
import io.profilekit.core.spi.ProfileStore;
import java.time.Duration;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import reactor.core.scheduler.Schedulers;
import org.slf4j.LoggerFactory;

/**
 * A {@link ProfileStore} over Couchbase, in the seed's document format: profiles as
 * {@code user_data:<id>}, pictures as {@code user_images:<id>}, the service token as
 * {@code service_auth:1}, in the collections a {@link CouchbaseKeyspace} names.
 *
 * <pre>{@code
 * ProfileRepository repository = ProfileRepository.of(CouchbaseProfileStore.connect(settings));
 * }</pre>
 *
 * <ul>
 *   <li>Every operation runs on the SDK's asynchronous API: no thread waits for Couchbase.</li>
 *   <li>Reads by id are one KV get whose stored bytes are handed on unparsed.</li>
 *   <li>Versions are CAS values. Creates {@code insert}; replaces and deletes name the CAS they
 *       start from, so a concurrent change fails the write instead of being overwritten.</li>
 *   <li>Usernames and nicknames are found through lookup documents, also by KV, in a
 *       collection of their own (see docs/couchbase.md); a username is unique because its
 *       lookup document can only be inserted once, and a claim a failed write left expires on
 *       the server.</li>
 *   <li>An export reads every record id by a KV range scan where the server has one (7.6+).</li>
 *   <li>SQL++ serves only what KV cannot: listing all profiles or by e-mail, and the
 *       {@link #init()} and {@link #reindex} maintenance. Statements are constant text with
 *       named parameters, prepared.</li>
 *   <li>New record ids come from a counter document, kept above every record id created
 *       through the store, and set above all existing ones by {@link #init()}.</li>
 *   <li>While Couchbase does not answer, operations fail at once with
 *       {@link StoreUnavailableException} instead of each waiting for its timeout; a read of
 *       its own probes the store once a second until one is answered.</li>
 * </ul>
 *
 * <p>Each job is a class of its own in the {@code internal} packages (docs/architecture.md
 * lists them); this class holds them together. Open one per process with {@link #connect}, or
 * build one over a {@link Cluster} you own with {@link #of(Cluster, CouchbaseKeyspace)}.
 * Thread-safe.
 */
public final class CouchbaseProfileStore implements ProfileStore {

    private static final Logger LOG = LoggerFactory.getLogger(CouchbaseProfileStore.class);

    /** Everything the store holds while open; {@code null} once closed. */
    private volatile StoreParts parts;
    private final Availability availability;

    /**
     * A connection string for settings over a cluster the caller connected: the store never
     * connects with it.
     */
    private static final String CALLERS_CLUSTER = "couchbase://";

    /** @param queries runs the SQL++ statements; {@code null} for the cluster's query service */
    CouchbaseProfileStore(Cluster ownedCluster, Cluster cluster, CouchbaseSettings settings, QueryRunner queries) {
        this.parts = StoreParts.wire(ownedCluster, cluster, settings, queries);
        this.availability = new Availability(this::probe);
    }

    /**
     * Opens the cluster the settings name, waits until its bucket answers, and checks that the
     * keyspace's scope and collections exist and that the user may read and write them; the
     * store owns the cluster and disconnects it on {@link #close()}.
     *
     * @throws io.profilekit.core.StoreConfigurationException within the connect timeout when the
     *     cluster refuses the credentials, has no such bucket, scope or collection, or the user
     *     lacks a permission; {@link StoreUnavailableException} when nothing answers. The message
     *     says which, and never holds the password
     */
    public static CouchbaseProfileStore connect(CouchbaseSettings settings) {
        return open(settings, true);
    }

    /**
     * Connects and prepares the keyspace the settings name ({@link #init(Consumer)}), then
     * disconnects: what {@code java -jar profile-server.jar init} runs. The keyspace need not
     * exist yet.
     *
     * @param progress told each step, and every few seconds while waiting for the cluster
     */
    public static void initialize(CouchbaseSettings settings, Consumer<String> progress) {
        try (CouchbaseProfileStore store = open(settings, false)) {
            store.init(progress);
        }
    }

    private static CouchbaseProfileStore open(CouchbaseSettings settings, boolean verifyKeyspace) {
        Cluster cluster = ClusterConnection.open(settings, verifyKeyspace);
        try {
            return new CouchbaseProfileStore(cluster, cluster, settings, null);
        } catch (RuntimeException e) {
            cluster.disconnect();
            throw e;
        } finally {
            // Connecting left the SDK's per-thread caches on the caller's thread (a container's
            // deploying thread, say), which would keep this class loader alive.
            FastThreadLocal.removeAll();
        }
    }

    /**
     * A store over a cluster you own, on {@code keyspace} with the settings' defaults (no
     * durability, listings that wait for this store's own writes); {@link #close()} leaves it
     * connected.
     */
    public static CouchbaseProfileStore of(Cluster cluster, CouchbaseKeyspace keyspace) {
        return of(cluster, CouchbaseSettings.builder(CALLERS_CLUSTER)
                .keyspace(Objects.requireNonNull(keyspace, "keyspace")).build());
    }

    /**
     * A store over a cluster you own, as {@code settings} say: their keyspace, durability,
     * listing consistency and DDL timeout (the cluster's environment has its own timeouts; the
     * connection string and password are not used, and the username only names the user in
     * messages). {@link #close()} leaves the cluster connected.
     */
    public static CouchbaseProfileStore of(Cluster cluster, CouchbaseSettings settings) {
        return new CouchbaseProfileStore(null, Objects.requireNonNull(cluster, "cluster"),
                Objects.requireNonNull(settings, "settings"), null);
    }

    @Override
    public CompletableFuture<Optional<StoredProfile>> findById(long recordId) {
        return call(parts -> parts.reads().byId(recordId));
    }

    @Override
    public CompletableFuture<Optional<StoredProfile>> findByUsername(String username) {
        return call(parts -> parts.lookups().byUsername(username));
    }

    @Override
    public CompletableFuture<Page<StoredProfile>> list(ProfileQuery query) {
        return call(parts -> query.username() != null ? parts.lookups().pageByUsername(query)
                : query.nickname() != null ? parts.lookups().pageByNickname(query)
                : parts.listing().list(query));
    }

    /** By a key-value range scan (Couchbase Server 7.6+), which needs no query service; empty before 7.6. */
    @Override
    public CompletableFuture<Optional<long[]>> scanRecordIds(long after) {
        return call(parts -> parts.scan().above(after));
    }

    @Override
    public CompletableFuture<List<StoredProfile>> search(SearchQuery query) {
        return call(parts -> parts.search().search(query));
    }

    @Override
    public CompletableFuture<Optional<StoredPicture>> findPicture(long pictureId) {
        return call(parts -> parts.pictures().find(pictureId));
    }

    @Override
    public CompletableFuture<StoredProfile> insert(Profile profile) {
        return call(parts -> parts.writes().insert(profile));
    }

    @Override
    public CompletableFuture<StoredProfile> replace(StoredProfile current, Profile replacement) {
        return call(parts -> parts.writes().replace(current, replacement));
    }

    @Override
    public CompletableFuture<Void> delete(StoredProfile current) {
        return call(parts -> parts.writes().delete(current));
    }

    @Override
    public CompletableFuture<StoredPicture> putPicture(StoredProfile current, ProfilePicture picture) {
        return call(parts -> parts.pictures().put(current, picture));
    }

    @Override
    public CompletableFuture<Void> deletePicture(StoredProfile current) {
        return call(parts -> parts.pictures().delete(current));
    }

    @Override
    public CompletableFuture<byte[]> sharedSecret(String name) {
        return call(parts -> parts.secrets().get(name));
    }

    /** One key-value read in the profiles' collection: what every read route needs to answer. */
    @Override
    public CompletableFuture<Long> reserveRecordId() {
        return call(parts -> parts.counter().next());
    }

    @Override
    public CompletableFuture<IdempotencyRecord> remember(String key, IdempotencyRecord proposed, Duration lifetime) {
        return call(parts -> parts.idempotency().remember(key, proposed, lifetime));
    }

    @Override
    public CompletableFuture<Void> settle(String key, IdempotencyRecord answered, Duration lifetime) {
        return call(parts -> parts.idempotency().settle(key, answered, lifetime));
    }

    @Override
    public CompletableFuture<Void> forgetIdempotency(long recordId) {
        return call(parts -> parts.idempotency().forget(recordId));
    }

    @Override
    public CompletableFuture<Void> ping() {
        return call(parts -> probe());
    }

    private CompletableFuture<Void> probe() {
        StoreParts open = parts;
        return open == null ? CompletableFuture.failedFuture(closed())
                : open.documents().get(open.profiles(), Keys.NO_PROFILE).thenApply(absent -> null);
    }

    /** The seed's service token: the {@code token} of {@code service_auth:1}, if there is one. */
    public Optional<String> serviceToken() {
        return Futures.join(call(parts -> parts.serviceTokens().token()));
    }

    /**
     * Stores {@code token} as the service token unless there is one already.
     *
     * @return the service token now stored: {@code token}, or the one that was there
     */
    public String createServiceTokenIfAbsent(String token) {
        return Futures.join(call(parts -> parts.serviceTokens().createIfAbsent(token)));
    }

    /** {@link #init(Consumer)} with its progress logged. */
    public void init() {
        init(step -> LOG.info("init: {}", step));
    }

    /**
     * Prepares the keyspace for least privilege: creates only the scope and collections that
     * are missing (a user who may not manage scopes can run it once they exist), waits until
     * they answer, creates the indexes the listing statements use ({@code IF NOT EXISTS},
     * built at once) and waits until they are online, then moves the record id counter above
     * the highest existing record id. Safe to run again; bounded by the DDL timeout. Blocks.
     *
     * @param progress told each step, and every few seconds while waiting for the cluster
     */
    public void init(Consumer<String> progress) {
        open().maintenance().init(progress);
    }

    /**
     * Writes the lookup documents of profiles that other tools stored (the seed's loader, a
     * bulk import): pages through the profiles above {@code after} by SQL++ keyset, writes each
     * page's entries with up to {@code parallelism} profiles in flight, and moves the record id
     * counter above them. Duplicate usernames are reported, and found by username as the profile
     * with the lowest record id. Safe to run again, and to resume after the last record id a
     * stopped run reported. Blocks.
     *
     * @param after the record id to resume after; 0 for every profile
     * @param parallelism how many profiles may be in flight, at least 1
     * @param progress told, after each page, what was done so far: its
     *     {@link ReindexReport#lastRecordId()} is where to resume should the run stop
     */
    public ReindexReport reindex(long after, int parallelism, Consumer<ReindexReport> progress) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        return open().reindexing().run(after, parallelism, progress);
    }

    /** How many profiles have a record id above {@code after}: what a reindex from there has to do. Blocks. */
    public long countProfiles(long after) {
        return open().reindexing().count(after);
    }

    /**
     * Stops the background repairs and, if the store opened the cluster, disconnects it, which
     * stops the cluster's own threads ({@link #releaseSharedThreads} stops the rest); idempotent.
     */
    @Override
    public synchronized void close() {
        StoreParts closing = parts;
        if (closing == null) {
            return;
        }
        parts = null;
        closing.repairs().close();
        if (closing.owned() != null) {
            closing.owned().disconnect();
            closing = null;
            // Disconnecting leaves the SDK's per-thread caches on this thread.
            FastThreadLocal.removeAll();
        }
    }

    /**
     * Stops the threads of the Couchbase SDK that outlive a closed store in this class loader:
     * those on Reactor's shared schedulers, which others may be using while a store closes, and
     * the SDK's cleaner, which ends only once every closed cluster is garbage-collected (waited
     * for, a second at most). For an application that is the whole of its class loader
     * (profilekit's WAR, its jar) and is ending, after its stores are closed; an application
     * that uses Reactor itself leaves them to Reactor.
     */
    public static void releaseSharedThreads() {
        Schedulers.shutdownNow();
        ClusterConnection.awaitCleaner();
    }

    private <T> CompletableFuture<T> call(Function<StoreParts, CompletableFuture<T>> operation) {
        StoreParts open = parts;
        if (open == null) {
            return CompletableFuture.failedFuture(closed());
        }
        return availability.call(() -> operation.apply(open));
    }

    private StoreParts open() {
        StoreParts open = parts;
        if (open == null) {
            throw closed();
        }
        return open;
    }

    private static StoreUnavailableException closed() {
        return new StoreUnavailableException("the store is closed");
    }
}
