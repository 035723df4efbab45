package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.CollectionExistsException;
import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.core.error.ScopeExistsException;
import com.couchbase.client.core.service.ServiceType;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.Scope;
import com.couchbase.client.java.diagnostics.WaitUntilReadyOptions;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.kv.GetResult;
import com.couchbase.client.java.kv.IncrementOptions;
import com.couchbase.client.java.manager.collection.CollectionManager;
import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Page;
import io.profilekit.core.PreconditionFailedException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileJson;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.core.internal.Json;
import io.profilekit.core.internal.ProfileRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ProfileRepository} over Couchbase, in the seed's document format: profiles as
 * {@code user_data:<id>}, pictures as {@code user_images:<id>}, the service token as
 * {@code service_auth:1}, in the collections a {@link CouchbaseKeyspace} names.
 *
 * <ul>
 *   <li>Reads by id are one KV get whose stored bytes are handed on unparsed.</li>
 *   <li>Versions are CAS values. Creates {@code insert}; replaces and deletes name the CAS
 *       they expect, so a concurrent change fails the write instead of being overwritten.</li>
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
 * <p>Open one per process with {@link #connect}, or build one over a {@link Cluster} you own
 * with {@link #of(Cluster, CouchbaseKeyspace)}. Thread-safe.
 */
public final class CouchbaseProfileRepository implements ProfileRepository {

    private static final Logger LOG = LoggerFactory.getLogger(CouchbaseProfileRepository.class);

    /** Attempts at a server-assigned record id before concluding the counter is behind. */
    private static final int ID_ATTEMPTS = 64;
    /** Attempts at an unconditional write that keeps losing races to other writers. */
    private static final int RACE_ATTEMPTS = 16;
    private static final int BACKFILL_PAGE = 500;

    private final Cluster ownedCluster;
    private final Cluster cluster;
    private final CouchbaseKeyspace keyspace;
    private final Collection profiles;
    private final Collection images;
    private final Collection auth;
    private final QueryRunner queries;
    private final Statements statements;
    private final Documents documents = new Documents();
    private final Lookups lookups;
    private volatile boolean closed;

    CouchbaseProfileRepository(Cluster ownedCluster, Cluster cluster, CouchbaseKeyspace keyspace,
            Collection profiles, Collection images, Collection auth, QueryRunner queries, Clock clock) {
        this.ownedCluster = ownedCluster;
        this.cluster = cluster;
        this.keyspace = keyspace;
        this.profiles = profiles;
        this.images = images;
        this.auth = auth;
        this.queries = queries;
        this.statements = new Statements(profiles.name());
        this.lookups = new Lookups(profiles, documents, clock);
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
        ClusterOptions options = ClusterOptions.clusterOptions(settings.username(), settings.password())
                .environment(env -> {
                    env.timeoutConfig(timeouts -> timeouts
                            .kvTimeout(settings.kvTimeout())
                            .queryTimeout(settings.queryTimeout())
                            .connectTimeout(settings.connectTimeout()));
                    settings.trustCertificate().ifPresent(pem ->
                            env.securityConfig(security -> security.trustCertificate(pem)));
                    // Its latency histograms start process-wide threads that outlive a
                    // disconnect (and a WAR's undeploy); profilekit's own metrics cover requests.
                    env.loggingMeterConfig(meter -> meter.enabled(false));
                });
        String target = settings.connectionString() + " as '" + settings.username() + "' (bucket '"
                + settings.keyspace().bucket() + "')";
        Cluster cluster;
        try {
            cluster = Cluster.connect(settings.connectionString(), options);
        } catch (CouchbaseException | IllegalArgumentException e) {
            throw new StoreUnavailableException("cannot connect to Couchbase at " + target + ": "
                    + firstLine(e.getMessage()), e);
        }
        try {
            cluster.bucket(settings.keyspace().bucket()).waitUntilReady(settings.connectTimeout(),
                    WaitUntilReadyOptions.waitUntilReadyOptions().serviceTypes(Set.of(ServiceType.KV)));
            CouchbaseProfileRepository repository = build(cluster, cluster, settings.keyspace(),
                    settings.queryTimeout());
            LOG.info("Connected to Couchbase at {}", target);
            return repository;
        } catch (RuntimeException e) {
            cluster.disconnect();
            throw new StoreUnavailableException("could not connect to Couchbase at " + target + " within "
                    + settings.connectTimeout().toSeconds() + " s: check the address, the credentials, "
                    + "and that the bucket exists", e);
        }
    }

    /** A repository over a cluster you own; {@link #close()} leaves it connected. */
    public static CouchbaseProfileRepository of(Cluster cluster, CouchbaseKeyspace keyspace) {
        Objects.requireNonNull(cluster, "cluster");
        return build(null, cluster, keyspace, cluster.environment().timeoutConfig().queryTimeout());
    }

    /**
     * A repository over collections you own, for key-value use alone: it cannot list all
     * profiles or by e-mail ({@code list} throws {@link UnsupportedOperationException}), nor
     * run {@link #init()} or {@link #reindex}.
     */
    public static CouchbaseProfileRepository of(Collection profiles, Collection images, Collection auth) {
        return new CouchbaseProfileRepository(null, null, null, Objects.requireNonNull(profiles, "profiles"),
                Objects.requireNonNull(images, "images"), Objects.requireNonNull(auth, "auth"),
                QueryRunner.NONE, Clock.systemUTC());
    }

    private static CouchbaseProfileRepository build(Cluster owned, Cluster cluster, CouchbaseKeyspace keyspace,
            Duration queryTimeout) {
        Objects.requireNonNull(keyspace, "keyspace");
        Scope scope = cluster.bucket(keyspace.bucket()).scope(keyspace.scope());
        return new CouchbaseProfileRepository(owned, cluster, keyspace,
                scope.collection(keyspace.profiles()), scope.collection(keyspace.images()),
                scope.collection(keyspace.auth()), QueryRunner.on(scope, queryTimeout), Clock.systemUTC());
    }

    // --- reads ---

    @Override
    public Optional<StoredProfile> findById(long recordId) {
        ensureOpen();
        return documents.get(profiles, Keys.profile(recordId)).map(found -> stored(recordId, found));
    }

    @Override
    public Optional<StoredProfile> findByUsername(String username) {
        ensureOpen();
        Optional<Long> owner;
        try {
            owner = lookups.usernameOwner(Objects.requireNonNull(username, "username"));
        } catch (InvalidProfileException tooLong) {
            return Optional.empty();
        }
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredProfile> found = findById(owner.get()).filter(stored -> has(stored, username, Profile::userId));
        if (found.isEmpty()) {
            lookups.releaseUsernameIfStale(username, owner.get());
        }
        return found;
    }

    @Override
    public List<StoredProfile> findByNickname(String nickname, int limit) {
        Objects.requireNonNull(nickname, "nickname");
        return list(ProfileQuery.first(Math.min(limit, ProfileQuery.MAX_LIMIT)).withNickname(nickname)).items();
    }

    @Override
    public Page<StoredProfile> list(ProfileQuery query) {
        ensureOpen();
        if (query.username() != null) {
            List<StoredProfile> match = findByUsername(query.username())
                    .filter(stored -> stored.recordId() > query.after() && query.matches(stored.profile()))
                    .map(List::of).orElse(List.of());
            return new Page<>(match, OptionalLong.empty());
        }
        if (query.nickname() != null) {
            return listByNickname(query);
        }
        return listByQuery(query);
    }

    private Page<StoredProfile> listByNickname(ProfileQuery query) {
        List<Long> candidates;
        try {
            candidates = new ArrayList<>(lookups.nicknameEntries(query.nickname()).keySet());
        } catch (InvalidProfileException tooLong) {
            return new Page<>(List.of(), OptionalLong.empty());
        }
        candidates.removeIf(id -> id <= query.after());
        List<StoredProfile> items = new ArrayList<>();
        List<Long> unconfirmed = new ArrayList<>();
        int next = 0;
        while (items.size() <= query.limit() && next < candidates.size()) {
            int wanted = query.limit() + 1 - items.size();
            List<Long> batch = candidates.subList(next, Math.min(candidates.size(), next + wanted));
            next += batch.size();
            List<Optional<GetResult>> found = documents.getAll(profiles, batch.stream().map(Keys::profile).toList());
            for (int i = 0; i < batch.size(); i++) {
                long id = batch.get(i);
                Optional<StoredProfile> stored = found.get(i).map(result -> stored(id, result));
                if (stored.isPresent() && has(stored.get(), query.nickname(), Profile::nickname)) {
                    if (query.matches(stored.get().profile())) {
                        items.add(stored.get());
                    }
                } else {
                    unconfirmed.add(id);
                }
            }
        }
        if (!unconfirmed.isEmpty()) {
            lookups.removeStaleNicknames(query.nickname(), unconfirmed);
        }
        return page(items, query.limit());
    }

    private Page<StoredProfile> listByQuery(ProfileQuery query) {
        JsonObject parameters = JsonObject.create()
                .put("after", query.after())
                .put("limit", query.limit() + 1);
        String statement = statements.list;
        if (query.email() != null) {
            parameters.put("email", query.email());
            statement = statements.listByEmail;
        }
        List<String> keys = queries.rows(statement, parameters, String.class);
        OptionalLong cursor = keys.size() > query.limit()
                ? OptionalLong.of(Keys.recordIdOf(keys.get(query.limit() - 1)))
                : OptionalLong.empty();
        List<String> pageKeys = keys.subList(0, Math.min(keys.size(), query.limit()));
        List<Optional<GetResult>> found = documents.getAll(profiles, pageKeys);
        List<StoredProfile> items = new ArrayList<>(pageKeys.size());
        for (int i = 0; i < pageKeys.size(); i++) {
            long id = Keys.recordIdOf(pageKeys.get(i));
            found.get(i).map(result -> stored(id, result))
                    .filter(stored -> query.matches(stored.profile()))
                    .ifPresent(items::add);
        }
        return new Page<>(items, cursor);
    }

    private static Page<StoredProfile> page(List<StoredProfile> items, int limit) {
        if (items.size() <= limit) {
            return new Page<>(items, OptionalLong.empty());
        }
        List<StoredProfile> shown = items.subList(0, limit);
        return new Page<>(shown, OptionalLong.of(shown.get(limit - 1).recordId()));
    }

    @Override
    public Optional<StoredPicture> findPicture(long pictureId) {
        ensureOpen();
        return documents.get(images, Keys.image(pictureId))
                .map(found -> StoredPicture.ofJson(pictureId, found.contentAs(byte[].class), new Version(found.cas())));
    }

    // --- writes ---

    @Override
    public StoredProfile create(Profile profile) {
        ProfileRules.checkWritable(profile);
        ensureOpen();
        boolean assigned = profile.recordId() == null;
        for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
            long recordId = assigned ? nextRecordId() : profile.recordId();
            Profile withId = profile.withRecordId(recordId);
            byte[] json = ProfileJson.toJson(withId);
            lookups.claimUsername(withId.userId(), recordId, this::holdsUsername);
            boolean written = false;
            try {
                if (withId.nickname() != null) {
                    lookups.addNickname(withId.nickname(), recordId);
                }
                long cas = documents.insert(profiles, Keys.profile(recordId), json);
                written = true;
                if (!assigned) {
                    raiseCounterTo(recordId);
                }
                return StoredProfile.ofJson(recordId, json, new Version(cas));
            } catch (DocumentExistsException idTaken) {
                if (!assigned) {
                    throw new ProfileConflictException("record_id " + recordId + " is taken");
                }
            } finally {
                if (!written) {
                    undoLookups(withId, recordId);
                }
            }
        }
        throw new StoreUnavailableException("new record ids collide with existing profiles: "
                + "run init to move the record id counter above them");
    }

    @Override
    public StoredProfile replace(Profile profile, Version expected) {
        ProfileRules.checkWritable(profile);
        if (profile.recordId() == null) {
            throw new InvalidProfileException("record_id is required to replace a profile");
        }
        ensureOpen();
        long recordId = profile.recordId();
        byte[] json = ProfileJson.toJson(profile);
        for (int attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
            Current current = current(recordId, expected);
            Profile previous = current.profile();
            boolean renamed = !profile.userId().equals(previous.userId());
            boolean renicknamed = profile.nickname() != null && !profile.nickname().equals(previous.nickname());
            if (renamed) {
                lookups.claimUsername(profile.userId(), recordId, this::holdsUsername);
            }
            boolean written = false;
            try {
                if (renicknamed) {
                    lookups.addNickname(profile.nickname(), recordId);
                }
                long cas = documents.replace(profiles, Keys.profile(recordId), json, current.cas());
                written = true;
                if (renamed) {
                    lookups.releaseUsername(previous.userId(), recordId);
                }
                if (previous.nickname() != null && !previous.nickname().equals(profile.nickname())) {
                    lookups.removeNickname(previous.nickname(), recordId);
                }
                return StoredProfile.ofJson(recordId, json, new Version(cas));
            } catch (CasMismatchException changed) {
                if (expected != null) {
                    throw changedSince(recordId, expected);
                }
            } catch (DocumentNotFoundException gone) {
                throw notFound(recordId);
            } finally {
                if (!written) {
                    if (renamed) {
                        lookups.releaseUsername(profile.userId(), recordId);
                    }
                    if (renicknamed) {
                        lookups.removeNickname(profile.nickname(), recordId);
                    }
                }
            }
        }
        throw contended(recordId);
    }

    @Override
    public void delete(long recordId, Version expected) {
        ensureOpen();
        for (int attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
            Current current = current(recordId, expected);
            try {
                documents.remove(profiles, Keys.profile(recordId), current.cas());
            } catch (CasMismatchException changed) {
                if (expected != null) {
                    throw changedSince(recordId, expected);
                }
                continue;
            } catch (DocumentNotFoundException gone) {
                throw notFound(recordId);
            }
            Profile deleted = current.profile();
            if (deleted.picture() != null) {
                documents.removeIfPresent(images, Keys.image(deleted.picture()));
            }
            undoLookups(deleted, recordId);
            return;
        }
        throw contended(recordId);
    }

    @Override
    public StoredPicture putPicture(long recordId, ProfilePicture picture) {
        Objects.requireNonNull(picture, "picture");
        ensureOpen();
        for (int attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
            Current current = current(recordId, null);
            Long linked = current.profile().picture();
            long pictureId = linked != null ? linked : recordId;
            StoredPicture unsaved = StoredPicture.of(pictureId, picture, new Version(0));
            byte[] json = unsaved.json();
            long cas = writeImage(pictureId, json);
            if (linked == null) {
                byte[] linkedJson = ProfileJson.toJson(current.profile().withPicture(pictureId));
                try {
                    documents.replace(profiles, Keys.profile(recordId), linkedJson, current.cas());
                } catch (CasMismatchException changed) {
                    continue;
                } catch (DocumentNotFoundException gone) {
                    documents.removeIfPresent(images, Keys.image(pictureId));
                    throw notFound(recordId);
                }
            }
            return StoredPicture.ofJson(pictureId, json, new Version(cas));
        }
        throw contended(recordId);
    }

    private long writeImage(long pictureId, byte[] json) {
        String key = Keys.image(pictureId);
        for (int attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
            Optional<GetResult> existing = documents.get(images, key);
            try {
                return existing.isPresent()
                        ? documents.replace(images, key, json, existing.get().cas())
                        : documents.insert(images, key, json);
            } catch (DocumentExistsException | CasMismatchException | DocumentNotFoundException raced) {
                // another writer got there between the read and the write: read again
            }
        }
        throw new StoreUnavailableException("picture " + pictureId + " is changing too often; try again");
    }

    @Override
    public void deletePicture(long recordId) {
        ensureOpen();
        for (int attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
            Current current = current(recordId, null);
            Long pictureId = current.profile().picture();
            if (pictureId == null) {
                throw new ProfileNotFoundException("profile " + recordId + " has no picture");
            }
            byte[] unlinked = ProfileJson.toJson(current.profile().withPicture(null));
            try {
                documents.replace(profiles, Keys.profile(recordId), unlinked, current.cas());
            } catch (CasMismatchException changed) {
                continue;
            } catch (DocumentNotFoundException gone) {
                throw notFound(recordId);
            }
            documents.removeIfPresent(images, Keys.image(pictureId));
            return;
        }
        throw contended(recordId);
    }

    // --- service token ---

    /** The seed's service token: the {@code token} of {@code service_auth:1}, if there is one. */
    public Optional<String> serviceToken() {
        ensureOpen();
        return documents.get(auth, Keys.SERVICE_AUTH).map(found -> {
            try {
                JsonNode token = Json.MAPPER.readTree(found.contentAs(byte[].class)).get("token");
                return token != null && token.isTextual() && !token.asText().isBlank() ? token.asText() : null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    /**
     * Stores {@code token} as the service token unless there is one already.
     *
     * @return the service token now stored: {@code token}, or the one that was there
     */
    public String createServiceTokenIfAbsent(String token) {
        ensureOpen();
        byte[] json = Json.MAPPER.createObjectNode().put("record_id", 1).put("token", token).toString()
                .getBytes(StandardCharsets.UTF_8);
        try {
            documents.insert(auth, Keys.SERVICE_AUTH, json);
            return token;
        } catch (DocumentExistsException present) {
            return serviceToken().orElseThrow(() -> new StoreUnavailableException(
                    "service_auth:1 exists but holds no token"));
        }
    }

    // --- maintenance ---

    /**
     * Prepares the keyspace: creates the scope and collections if missing, the indexes the
     * listing statements use ({@code IF NOT EXISTS}), and moves the record id counter above
     * the highest existing record id. Safe to run again.
     */
    public void init() {
        ensureOpen();
        requireCluster("init");
        if (!keyspace.isDefaultCollection()) {
            createCollections();
        }
        for (String index : statements.indexes) {
            runWhenKeyspaceIsVisible(index);
        }
        List<Long> highest = queries.rows(statements.highestRecordId, JsonObject.create(), Long.class);
        if (!highest.isEmpty() && highest.get(0) != null) {
            raiseCounterTo(highest.get(0));
        }
    }

    /** What {@link #reindex} did. */
    public record ReindexReport(long profiles, long unreadable, List<String> duplicateUsernames) {
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
        requireCluster("reindex");
        long after = 0;
        long done = 0;
        long unreadable = 0;
        List<String> duplicates = new ArrayList<>();
        while (true) {
            List<String> keys = queries.rows(statements.list,
                    JsonObject.create().put("after", after).put("limit", BACKFILL_PAGE), String.class);
            if (keys.isEmpty()) {
                break;
            }
            List<Optional<GetResult>> found = documents.getAll(profiles, keys);
            for (int i = 0; i < keys.size(); i++) {
                long id = Keys.recordIdOf(keys.get(i));
                after = Math.max(after, id);
                if (found.get(i).isEmpty()) {
                    continue;
                }
                Profile profile;
                try {
                    profile = stored(id, found.get(i).get()).profile();
                } catch (InvalidProfileException e) {
                    unreadable++;
                    continue;
                }
                if (profile.userId() != null && !profile.userId().isBlank()) {
                    try {
                        lookups.claimUsername(profile.userId(), id, this::holdsUsername);
                    } catch (ProfileConflictException duplicate) {
                        duplicates.add(profile.userId());
                    }
                }
                if (profile.nickname() != null) {
                    lookups.addNickname(profile.nickname(), id);
                }
                done++;
            }
            progress.accept(done);
        }
        raiseCounterTo(after);
        return new ReindexReport(done, unreadable, List.copyOf(new LinkedHashSet<>(duplicates)));
    }

    /** One key-value read in the profiles' collection: the path every read route takes. */
    @Override
    public void ping() {
        ensureOpen();
        documents.get(profiles, Keys.COUNTER);
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

    // --- helpers ---

    /** A stored profile with the CAS it was read at. */
    private record Current(StoredProfile stored, long cas) {
        Profile profile() {
            return stored.profile();
        }
    }

    private Current current(long recordId, Version expected) {
        GetResult found = documents.get(profiles, Keys.profile(recordId)).orElseThrow(() -> notFound(recordId));
        if (expected != null && expected.value() != found.cas()) {
            throw changedSince(recordId, expected);
        }
        return new Current(stored(recordId, found), found.cas());
    }

    private static StoredProfile stored(long recordId, GetResult found) {
        return StoredProfile.ofJson(recordId, found.contentAs(byte[].class), new Version(found.cas()));
    }

    private static boolean has(StoredProfile stored, String value, Function<Profile, String> field) {
        try {
            return value.equals(field.apply(stored.profile()));
        } catch (InvalidProfileException unreadable) {
            return false;
        }
    }

    /** Whether the profile stored under {@code recordId} has {@code username}; unreadable ones are presumed to. */
    private boolean holdsUsername(long recordId, String username) {
        return findById(recordId).map(stored -> {
            try {
                return username.equals(stored.profile().userId());
            } catch (InvalidProfileException unreadable) {
                return true;
            }
        }).orElse(false);
    }

    private void undoLookups(Profile profile, long recordId) {
        try {
            lookups.releaseUsername(profile.userId(), recordId);
            if (profile.nickname() != null) {
                lookups.removeNickname(profile.nickname(), recordId);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the lookup entries of profile {}; reads ignore them", recordId, e);
        }
    }

    private long nextRecordId() {
        try {
            return profiles.binary().increment(Keys.COUNTER, IncrementOptions.incrementOptions().initial(1)).content();
        } catch (CouchbaseException e) {
            throw Failures.unavailable(e);
        }
    }

    /** Moves the counter up to at least {@code recordId}; never down. */
    private void raiseCounterTo(long recordId) {
        long counter = documents.get(profiles, Keys.COUNTER)
                .map(found -> Long.parseLong(new String(found.contentAs(byte[].class), StandardCharsets.US_ASCII).trim()))
                .orElse(0L);
        if (counter < recordId) {
            try {
                profiles.binary().increment(Keys.COUNTER,
                        IncrementOptions.incrementOptions().delta(recordId - counter).initial(recordId));
            } catch (CouchbaseException e) {
                throw Failures.unavailable(e);
            }
        }
    }

    private void createCollections() {
        CollectionManager manager = cluster.bucket(keyspace.bucket()).collections();
        try {
            if (!CouchbaseKeyspace.DEFAULT.equals(keyspace.scope())) {
                try {
                    manager.createScope(keyspace.scope());
                    LOG.info("Created scope {}", keyspace.scope());
                } catch (ScopeExistsException exists) {
                    LOG.debug("Scope {} exists", keyspace.scope());
                }
            }
            for (String name : new LinkedHashSet<>(List.of(keyspace.profiles(), keyspace.images(), keyspace.auth()))) {
                if (CouchbaseKeyspace.DEFAULT.equals(name)) {
                    continue;
                }
                try {
                    manager.createCollection(keyspace.scope(), name);
                    LOG.info("Created collection {}.{}", keyspace.scope(), name);
                } catch (CollectionExistsException exists) {
                    LOG.debug("Collection {}.{} exists", keyspace.scope(), name);
                }
            }
        } catch (CouchbaseException e) {
            throw Failures.unavailable(e);
        }
    }

    /** New collections take a moment to reach the query service; DDL on them is retried meanwhile. */
    private void runWhenKeyspaceIsVisible(String statement) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                queries.execute(statement);
                return;
            } catch (StoreUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for Couchbase", e);
        }
    }

    private void requireCluster(String operation) {
        if (cluster == null) {
            throw new UnsupportedOperationException(operation
                    + " needs a repository built from a Cluster, not from collections alone");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreUnavailableException("the repository is closed");
        }
    }

    private static ProfileNotFoundException notFound(long recordId) {
        return new ProfileNotFoundException("no profile with record_id " + recordId);
    }

    private static PreconditionFailedException changedSince(long recordId, Version expected) {
        return new PreconditionFailedException("profile " + recordId + " has changed since version " + expected);
    }

    private static StoreUnavailableException contended(long recordId) {
        return new StoreUnavailableException("profile " + recordId + " is changing too often; try again");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid settings";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The SQL++ statements, fixed text built once from the configured collection name. */
    static final class Statements {
        final String list;
        final String listByEmail;
        final String highestRecordId;
        final List<String> indexes;

        Statements(String collection) {
            String from = " FROM `" + collection + "` AS p WHERE META(p).id LIKE \"" + Keys.PROFILE_PREFIX + "%\"";
            list = "SELECT RAW META(p).id" + from + " AND p.record_id > $after ORDER BY p.record_id LIMIT $limit";
            listByEmail = "SELECT RAW META(p).id" + from
                    + " AND p.email = $email AND p.record_id > $after ORDER BY p.record_id LIMIT $limit";
            highestRecordId = "SELECT RAW MAX(p.record_id)" + from + " AND p.record_id IS NOT MISSING";
            String partial = " WHERE META().id LIKE \"" + Keys.PROFILE_PREFIX + "%\"";
            indexes = List.of(
                    "CREATE INDEX `profilekit_by_record_id` IF NOT EXISTS ON `" + collection + "`(record_id)" + partial,
                    "CREATE INDEX `profilekit_by_email` IF NOT EXISTS ON `" + collection + "`(email, record_id)" + partial);
        }
    }
}
