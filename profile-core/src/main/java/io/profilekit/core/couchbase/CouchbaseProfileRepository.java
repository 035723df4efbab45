package io.profilekit.core.couchbase;

import com.couchbase.client.core.msg.kv.DurabilityLevel;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.Scope;
import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ProfileRepository} over Couchbase, in the seed's document format: profiles as
 * {@code user_data:<id>}, pictures as {@code user_images:<id>}, the service token as
 * {@code service_auth:1}, in the collections a {@link CouchbaseKeyspace} names.
 *
 * <ul>
 *   <li>Reads by id are one KV get whose stored bytes are handed on unparsed.</li>
 *   <li>Versions are CAS values. Creates {@code insert}; replaces and deletes name the CAS they
 *       expect, so a concurrent change fails the write instead of being overwritten.</li>
 *   <li>Usernames and nicknames are found through lookup documents, also by KV, in a
 *       collection of their own (see docs/couchbase.md); a username is unique because its
 *       lookup document can only be inserted once, and a claim a failed write left expires on
 *       the server.</li>
 *   <li>SQL++ serves only what KV cannot: listing all profiles or by e-mail, and the
 *       {@link #init()} and {@link #reindex} maintenance. Statements are constant text with
 *       named parameters, prepared.</li>
 *   <li>New record ids come from a counter document, kept above every record id created
 *       through the repository, and set above all existing ones by {@link #init()}.</li>
 *   <li>While Couchbase does not answer, operations fail at once with
 *       {@link StoreUnavailableException} instead of each waiting for its timeout; a read of
 *       its own probes the store once a second until one is answered.</li>
 * </ul>
 *
 * <p>Each job is a class of its own in this package ({@code ProfileReads},
 * {@code ProfileListing}, {@code ProfileWrites}, {@code PictureDocuments}, {@code Lookups},
 * {@code Nicknames}, {@code Repairs}, {@code RecordIdCounter}, {@code ServiceTokenStore},
 * {@code Maintenance}, {@code Reindexing}; docs/architecture.md lists them all); this class only
 * holds them together. Open one per process with {@link #connect}, or build one over a
 * {@link Cluster} you own with {@link #of(Cluster, CouchbaseKeyspace)}. Thread-safe.
 */
public final class CouchbaseProfileRepository implements ProfileRepository {

    private static final Logger LOG = LoggerFactory.getLogger(CouchbaseProfileRepository.class);

    private final Cluster ownedCluster;
    private final ProfileReads reads;
    private final ProfileListing listing;
    private final ProfileWrites writes;
    private final PictureDocuments pictures;
    private final RecordIdCounter counter;
    private final ServiceTokenStore serviceTokens;
    private final SharedSecrets secrets;
    private final Maintenance maintenance;
    private final Reindexing reindexing;
    private final Repairs repairs;
    private final Availability availability;
    private volatile boolean closed;

    CouchbaseProfileRepository(Cluster ownedCluster, Cluster cluster, CouchbaseKeyspace keyspace,
            Collection profiles, Collection images, Collection auth, Collection lookupDocuments, QueryRunner queries,
            Documents documents, Duration ddlTimeout) {
        this.ownedCluster = ownedCluster;
        Lookups lookups = new Lookups(lookupDocuments, documents);
        Nicknames nicknames = new Nicknames(lookupDocuments, documents);
        Statements statements = new Statements(keyspace);
        this.reads = new ProfileReads(profiles, documents);
        this.repairs = new Repairs(lookups, nicknames, reads);
        this.counter = new RecordIdCounter(lookupDocuments, documents);
        this.availability = new Availability(counter::pingAsync);
        this.listing = new ProfileListing(profiles, documents, lookups, nicknames, reads, repairs, queries, statements);
        this.writes = new ProfileWrites(profiles, images, documents, lookups, nicknames, reads, counter, repairs);
        this.pictures = new PictureDocuments(profiles, images, documents, reads);
        this.serviceTokens = new ServiceTokenStore(auth, documents);
        this.secrets = new SharedSecrets(lookupDocuments, documents);
        this.maintenance = new Maintenance(cluster, keyspace, counter, queries, statements, documents.failures(),
                new Waiting(ddlTimeout));
        this.reindexing = new Reindexing(profiles, documents, lookups, nicknames, reads, counter, queries, statements);
    }

    /**
     * Opens the cluster the settings name, waits until its bucket answers, and checks that the
     * keyspace's scope and collections exist and that the user may read and write them; the
     * repository owns the cluster and disconnects it on {@link #close()}.
     *
     * @throws StoreUnavailableException within the connect timeout when the cluster cannot be
     *     reached, refuses the credentials, has no such bucket, scope or collection, or the user
     *     lacks a permission; the message says which, and never holds the password
     */
    public static CouchbaseProfileRepository connect(CouchbaseSettings settings) {
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
        try (CouchbaseProfileRepository repository = open(settings, false)) {
            repository.init(progress);
        }
    }

    private static CouchbaseProfileRepository open(CouchbaseSettings settings, boolean verifyKeyspace) {
        Cluster cluster = ClusterConnection.open(settings, verifyKeyspace);
        try {
            return build(cluster, cluster, settings.keyspace(), settings);
        } catch (RuntimeException e) {
            cluster.disconnect();
            throw e;
        }
    }

    /**
     * A repository over a cluster you own, with the settings' defaults (no durability, listings
     * that wait for this repository's own writes); {@link #close()} leaves it connected.
     */
    public static CouchbaseProfileRepository of(Cluster cluster, CouchbaseKeyspace keyspace) {
        return build(null, Objects.requireNonNull(cluster, "cluster"), keyspace, null);
    }

    /** @param settings {@code null} for the defaults */
    private static CouchbaseProfileRepository build(Cluster owned, Cluster cluster, CouchbaseKeyspace keyspace,
            CouchbaseSettings settings) {
        Objects.requireNonNull(keyspace, "keyspace");
        Scope scope = cluster.bucket(keyspace.bucket()).scope(keyspace.scope());
        Failures failures = new Failures(settings == null ? null : settings.username());
        Duration ddlTimeout = settings == null ? CouchbaseSettings.DEFAULT_DDL_TIMEOUT : settings.ddlTimeout();
        WrittenTokens written = new WrittenTokens(settings == null ? ListingConsistency.AT_PLUS
                : settings.listingConsistency(), keyspace.profiles());
        Documents documents = new Documents(failures, settings == null ? DurabilityLevel.NONE : settings.durability(),
                written);
        return new CouchbaseProfileRepository(owned, cluster, keyspace,
                scope.collection(keyspace.profiles()), scope.collection(keyspace.images()),
                scope.collection(keyspace.auth()), scope.collection(keyspace.lookups()),
                QueryRunner.on(scope, cluster.environment().timeoutConfig().queryTimeout(), ddlTimeout, failures,
                        written),
                documents, ddlTimeout);
    }

    @Override
    public Optional<StoredProfile> findById(long recordId) {
        ensureOpen();
        return availability.call(() -> reads.byId(recordId));
    }

    @Override
    public Optional<StoredProfile> findByUsername(String username) {
        ensureOpen();
        return availability.call(() -> listing.byUsername(username));
    }

    @Override
    public Page<StoredProfile> list(ProfileQuery query) {
        ensureOpen();
        return availability.call(() -> listing.list(query));
    }

    @Override
    public Optional<StoredPicture> findPicture(long pictureId) {
        ensureOpen();
        return availability.call(() -> pictures.find(pictureId));
    }

    @Override
    public StoredProfile create(Profile profile) {
        ensureOpen();
        return availability.call(() -> writes.create(profile));
    }

    @Override
    public StoredProfile replace(Profile profile, Version expected) {
        ensureOpen();
        return availability.call(() -> writes.replace(profile, expected));
    }

    @Override
    public void delete(long recordId, Version expected) {
        ensureOpen();
        availability.run(() -> writes.delete(recordId, expected));
    }

    @Override
    public StoredPicture putPicture(long recordId, ProfilePicture picture) {
        Objects.requireNonNull(picture, "picture");
        ensureOpen();
        return availability.call(() -> pictures.put(recordId, picture));
    }

    @Override
    public void deletePicture(long recordId) {
        ensureOpen();
        availability.run(() -> pictures.delete(recordId));
    }

    @Override
    public byte[] sharedSecret(String name) {
        ProfileRepository.checkSecretName(name);
        ensureOpen();
        return availability.call(() -> secrets.get(name)).clone();
    }

    /** The seed's service token: the {@code token} of {@code service_auth:1}, if there is one. */
    public Optional<String> serviceToken() {
        ensureOpen();
        return availability.call(serviceTokens::token);
    }

    /**
     * Stores {@code token} as the service token unless there is one already.
     *
     * @return the service token now stored: {@code token}, or the one that was there
     */
    public String createServiceTokenIfAbsent(String token) {
        ensureOpen();
        return serviceTokens.createIfAbsent(token);
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
     * the highest existing record id. Safe to run again; bounded by the DDL timeout.
     *
     * @param progress told each step, and every few seconds while waiting for the cluster
     */
    public void init(Consumer<String> progress) {
        ensureOpen();
        maintenance.init(progress);
    }

    /**
     * Writes the lookup documents of profiles that other tools stored (the seed's loader, a
     * bulk import): pages through the profiles above {@code after} by SQL++ keyset, writes each
     * page's entries with up to {@code parallelism} profiles in flight, and moves the record id
     * counter above them. Duplicate usernames are reported, and found by username as the profile
     * with the lowest record id. Safe to run again, and to resume after the last record id a
     * stopped run reported.
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
        ensureOpen();
        return reindexing.run(after, parallelism, progress);
    }

    /** How many profiles have a record id above {@code after}: what a reindex from there has to do. */
    public long countProfiles(long after) {
        ensureOpen();
        return reindexing.count(after);
    }

    /** One key-value read in the profiles' collection: the path every read route takes. */
    @Override
    public void ping() {
        ensureOpen();
        availability.run(counter::ping);
    }

    /** Disconnects the cluster if the repository opened it; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        repairs.close();
        if (ownedCluster != null) {
            ownedCluster.disconnect();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreUnavailableException("the repository is closed");
        }
    }
}
