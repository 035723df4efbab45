package io.profilekit.core.couchbase;

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
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A {@link ProfileRepository} over Couchbase, in the seed's document format: profiles as
 * {@code user_data:<id>}, pictures as {@code user_images:<id>}, the service token as
 * {@code service_auth:1}, in the collections a {@link CouchbaseKeyspace} names.
 *
 * <ul>
 *   <li>Reads by id are one KV get whose stored bytes are handed on unparsed.</li>
 *   <li>Versions are CAS values. Creates {@code insert}; replaces and deletes name the CAS they
 *       expect, so a concurrent change fails the write instead of being overwritten.</li>
 *   <li>Usernames and nicknames are found through lookup documents, also by KV (see
 *       docs/couchbase.md); a username is unique because its lookup document can only be
 *       inserted once.</li>
 *   <li>SQL++ serves only what KV cannot: listing all profiles or by e-mail, and the
 *       {@link #init()} and {@link #reindex} maintenance. Statements are constant text with
 *       named parameters, prepared.</li>
 *   <li>New record ids come from a counter document, kept above every record id created
 *       through the repository, and set above all existing ones by {@link #init()}.</li>
 * </ul>
 *
 * <p>Each job is a class of its own in this package ({@code ProfileReads},
 * {@code ProfileListing}, {@code ProfileWrites}, {@code PictureDocuments}, {@code Lookups},
 * {@code RecordIdCounter}, {@code ServiceTokenStore}, {@code Maintenance}); this class only
 * holds them together. Open one per process with {@link #connect}, or build one over a
 * {@link Cluster} you own with {@link #of(Cluster, CouchbaseKeyspace)}. Thread-safe.
 */
public final class CouchbaseProfileRepository implements ProfileRepository {

    private final Cluster ownedCluster;
    private final ProfileReads reads;
    private final ProfileListing listing;
    private final ProfileWrites writes;
    private final PictureDocuments pictures;
    private final RecordIdCounter counter;
    private final ServiceTokenStore serviceTokens;
    private final Maintenance maintenance;
    private volatile boolean closed;

    CouchbaseProfileRepository(Cluster ownedCluster, Cluster cluster, CouchbaseKeyspace keyspace,
            Collection profiles, Collection images, Collection auth, QueryRunner queries, Clock clock) {
        this.ownedCluster = ownedCluster;
        Documents documents = new Documents();
        Lookups lookups = new Lookups(profiles, documents, clock);
        Statements statements = new Statements(profiles.name());
        this.reads = new ProfileReads(profiles, documents, lookups);
        this.counter = new RecordIdCounter(profiles, documents);
        this.listing = new ProfileListing(profiles, documents, lookups, reads, queries, statements);
        this.writes = new ProfileWrites(profiles, images, documents, lookups, reads, counter);
        this.pictures = new PictureDocuments(profiles, images, documents, reads);
        this.serviceTokens = new ServiceTokenStore(auth, documents);
        this.maintenance = new Maintenance(cluster, keyspace, profiles, documents, lookups, reads, counter, queries,
                statements);
    }

    /**
     * Opens the cluster the settings name and waits until its bucket answers; the repository
     * owns the cluster and disconnects it on {@link #close()}.
     *
     * @throws StoreUnavailableException when the cluster cannot be reached in the connect
     *     timeout, refuses the credentials, or has no such bucket; the message says which
     *     address, user and bucket were tried, never the password
     */
    public static CouchbaseProfileRepository connect(CouchbaseSettings settings) {
        Cluster cluster = ClusterConnection.open(settings);
        try {
            return build(cluster, cluster, settings.keyspace());
        } catch (RuntimeException e) {
            cluster.disconnect();
            throw e;
        }
    }

    /** A repository over a cluster you own; {@link #close()} leaves it connected. */
    public static CouchbaseProfileRepository of(Cluster cluster, CouchbaseKeyspace keyspace) {
        return build(null, Objects.requireNonNull(cluster, "cluster"), keyspace);
    }

    private static CouchbaseProfileRepository build(Cluster owned, Cluster cluster, CouchbaseKeyspace keyspace) {
        Objects.requireNonNull(keyspace, "keyspace");
        Scope scope = cluster.bucket(keyspace.bucket()).scope(keyspace.scope());
        return new CouchbaseProfileRepository(owned, cluster, keyspace,
                scope.collection(keyspace.profiles()), scope.collection(keyspace.images()),
                scope.collection(keyspace.auth()),
                QueryRunner.on(scope, cluster.environment().timeoutConfig().queryTimeout()), Clock.systemUTC());
    }

    @Override
    public Optional<StoredProfile> findById(long recordId) {
        ensureOpen();
        return reads.byId(recordId);
    }

    @Override
    public Optional<StoredProfile> findByUsername(String username) {
        ensureOpen();
        return reads.byUsername(username);
    }

    @Override
    public Page<StoredProfile> list(ProfileQuery query) {
        ensureOpen();
        return listing.list(query);
    }

    @Override
    public Optional<StoredPicture> findPicture(long pictureId) {
        ensureOpen();
        return pictures.find(pictureId);
    }

    @Override
    public StoredProfile create(Profile profile) {
        ensureOpen();
        return writes.create(profile);
    }

    @Override
    public StoredProfile replace(Profile profile, Version expected) {
        ensureOpen();
        return writes.replace(profile, expected);
    }

    @Override
    public void delete(long recordId, Version expected) {
        ensureOpen();
        writes.delete(recordId, expected);
    }

    @Override
    public StoredPicture putPicture(long recordId, ProfilePicture picture) {
        Objects.requireNonNull(picture, "picture");
        ensureOpen();
        return pictures.put(recordId, picture);
    }

    @Override
    public void deletePicture(long recordId) {
        ensureOpen();
        pictures.delete(recordId);
    }

    /** The seed's service token: the {@code token} of {@code service_auth:1}, if there is one. */
    public Optional<String> serviceToken() {
        ensureOpen();
        return serviceTokens.token();
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

    /**
     * Prepares the keyspace: creates the scope and collections if missing, the indexes the
     * listing statements use ({@code IF NOT EXISTS}), and moves the record id counter above
     * the highest existing record id. Safe to run again.
     */
    public void init() {
        ensureOpen();
        maintenance.init();
    }

    /**
     * Writes the lookup documents of profiles that other tools stored (the seed's loader, a
     * bulk import), pages through all profiles by SQL++ keyset, and moves the record id counter
     * above them. Duplicate usernames in the data are reported, not resolved.
     *
     * @param progress told the number of profiles done so far, after each page
     */
    public ReindexReport reindex(LongConsumer progress) {
        ensureOpen();
        return maintenance.reindex(progress);
    }

    /** One key-value read in the profiles' collection: the path every read route takes. */
    @Override
    public void ping() {
        ensureOpen();
        counter.ping();
    }

    /** Disconnects the cluster if the repository opened it; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
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
