package io.profilekit.core.couchbase.internal.lookups;

import static io.profilekit.core.internal.Futures.again;
import static io.profilekit.core.internal.Futures.done;

import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.GetResult;
import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileContendedException;
import io.profilekit.core.couchbase.internal.kv.Documents;
import io.profilekit.core.couchbase.internal.kv.Keys;
import io.profilekit.core.couchbase.internal.kv.ProfileReads;
import io.profilekit.core.internal.Futures;
import io.profilekit.core.internal.Json;
import io.profilekit.core.spi.LostRaceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The username entries that let a profile be found by username with one get, and that make a
 * username unique: {@code lookup::user_id::<username>} holds {@code {"profile":<id>}}, and only
 * one writer can insert it.
 *
 * <p>A claim is first <em>pending</em> ({@code "pending":true}), inserted with a server-side
 * expiry of {@link #claimTtl()}; once the profile holds the username, the claim is confirmed:
 * replaced, with its CAS, by a permanent entry. A writer that dies, or whose write stays
 * unsettled, leaves a pending claim that the server removes in time; no application clock is
 * involved, so instances whose clocks differ agree on who owns a username. A permanent entry
 * whose profile no longer holds the username (left by a rename or delete that stopped half
 * way) is stale; claimants and background repairs remove it by CAS.
 *
 * <p>A create whose record id the store assigns marks its claim {@code "assigned":true}. If its
 * outcome stays unsettled (a 503 to its client) and its profile is absent, the next create of
 * the username <em>adopts</em> the claim: it writes its profile under the claim's record id,
 * so that whichever of the two profiles lands first has the username, and the other finds the
 * id taken; the username never has two profiles, and a client's retry gets its profile or a
 * username whose owner it can read. Any other pending claim whose profile does not hold the
 * username (a rename in flight, a client's own record id) makes a claimant wait, with a 503 that
 * says how long the claim can live.
 */
public final class Lookups {

    /** The shortest a pending claim lives on the server unless confirmed. */
    public static final Duration MIN_CLAIM_TTL = Duration.ofSeconds(15);
    /** How many key-value timeouts a pending claim outlives: a create's own writes take at most four. */
    static final int CLAIM_TIMEOUTS = 6;

    private static final int ATTEMPTS = 16;

    /**
     * A claim this writer holds: the entry's key, the record id the profile is written under
     * (another than the writer asked for when it adopted a claim) and the CAS it holds it at.
     */
    public record Claim(String key, long recordId, long cas) {
    }

    /** Tells what the profile stored under a record id says of a username. */
    @FunctionalInterface
    public interface Holders {
        CompletableFuture<ProfileReads.Holding> holding(long recordId, String username);
    }

    /** A username entry as stored; {@code assigned} for the pending claim of a create whose record id the store chose. */
    public record Entry(long owner, boolean pending, boolean assigned, long cas) {
    }

    private final Collection collection;
    private final Documents documents;
    private final Duration claimTtl;

    /** @param kvTimeout the key-value timeout, which a pending claim outlives several times */
    public Lookups(Collection collection, Documents documents, Duration kvTimeout) {
        this.collection = collection;
        this.documents = documents;
        long ttl = Math.max(MIN_CLAIM_TTL.toMillis(), kvTimeout.toMillis() * CLAIM_TIMEOUTS);
        this.claimTtl = Duration.ofSeconds((ttl + 999) / 1000);
    }

    /** How long a pending claim lives on the server unless confirmed: what a claimant that must wait is told. */
    public Duration claimTtl() {
        return claimTtl;
    }

    /** The username's entry, if there is one. */
    public CompletableFuture<Optional<Entry>> username(String username) {
        return Futures.attempt(() -> documents.get(collection, Keys.username(username)))
                .thenApply(found -> found.map(Lookups::entry));
    }

    /**
     * Claims {@code username} for {@code recordId}: a pending entry that expires unless
     * {@link #confirm confirmed}.
     *
     * @param holders tells what the profile an existing entry names says of the username
     * @param assigned whether the store chose {@code recordId} for a create, which may then adopt
     *     an unsettled create's claim, and write under its record id instead
     * @return the claim; fails with {@link ProfileConflictException} when a profile holds the
     *     username, {@link ProfileContendedException} while another writer's claim is pending,
     *     {@link io.profilekit.core.couchbase.internal.kv.UnsettledWriteException} when the
     *     claim may or may not have been written
     */
    public CompletableFuture<Claim> claimUsername(String username, long recordId, Holders holders, boolean assigned) {
        String key = Keys.username(username);
        return Futures.loop(ATTEMPTS, attempt -> Futures.then(
                documents.insert(collection, key, pending(recordId, assigned), claimTtl), (cas, error) -> {
                    if (error == null) {
                        return done(new Claim(key, recordId, cas));
                    }
                    if (!(error instanceof DocumentExistsException)) {
                        return CompletableFuture.failedFuture(error);
                    }
                    return documents.get(collection, key).thenCompose(found -> found.isEmpty()
                            ? again()
                            : taken(username, key, recordId, assigned, entry(found.get()), holders));
                }), () -> LostRaceException.contended("the username's entry"));
    }

    /** What a claim does about an entry it found: its own, another profile's, an unsettled create's, or a stale one. */
    private CompletableFuture<Optional<Claim>> taken(String username, String key, long recordId, boolean assigned,
            Entry existing, Holders holders) {
        if (existing.owner() == recordId) {
            return reclaim(key, recordId, assigned, existing);
        }
        return holders.holding(existing.owner(), username).thenCompose(holding -> {
            if (holding == ProfileReads.Holding.HOLDS) {
                if (existing.pending()) {
                    confirmQuietly(new Claim(key, existing.owner(), existing.cas()));
                }
                throw ProfileConflictException.usernameTaken(username);
            }
            if (!existing.pending()) {
                return documents.removeIfUnchanged(collection, key, existing.cas())
                        .thenApply(removed -> Optional.empty());
            }
            if (assigned && existing.assigned() && holding == ProfileReads.Holding.NO_PROFILE) {
                return done(new Claim(key, existing.owner(), existing.cas()));
            }
            throw ProfileContendedException.usernameBeingClaimed(username, claimTtl);
        });
    }

    /**
     * An entry of this record's own: pending, it is this writer's (an insert retried after an
     * unsettled one); permanent, it is made pending again, so that a repair that found it stale
     * cannot remove it while the profile takes the username back.
     */
    private CompletableFuture<Optional<Claim>> reclaim(String key, long recordId, boolean assigned, Entry existing) {
        if (existing.pending()) {
            return done(new Claim(key, recordId, existing.cas()));
        }
        return Futures.then(documents.replace(collection, key, pending(recordId, assigned), existing.cas(), claimTtl),
                (cas, error) -> {
                    if (error == null) {
                        return done(new Claim(key, recordId, cas));
                    }
                    if (error instanceof CasMismatchException || error instanceof DocumentNotFoundException) {
                        return again();
                    }
                    return CompletableFuture.failedFuture(error);
                });
    }

    /**
     * Makes a claim permanent, now that its profile holds the username.
     *
     * @return false when the claim was lost (it expired and another writer claimed the name);
     *     fails with the store's exception when Couchbase cannot be asked
     */
    public CompletableFuture<Boolean> confirm(Claim claim) {
        return Futures.then(documents.replace(collection, claim.key(), permanent(claim.recordId()), claim.cas()),
                (cas, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(true);
                    }
                    if (error instanceof CasMismatchException || error instanceof DocumentNotFoundException) {
                        return documents.get(collection, claim.key()).thenApply(now -> now.map(Lookups::entry)
                                .filter(entry -> entry.owner() == claim.recordId() && !entry.pending()).isPresent());
                    }
                    return CompletableFuture.failedFuture(error);
                });
    }

    /** Confirms a claim if Couchbase answers; else it expires by itself, or the next claimant confirms it. */
    private void confirmQuietly(Claim claim) {
        confirm(claim).exceptionally(ignored -> false);
    }

    /** Withdraws a claim whose profile write certainly failed. */
    public CompletableFuture<Void> release(Claim claim) {
        return documents.removeIfUnchanged(collection, claim.key(), claim.cas());
    }

    /** Removes the username's entry if it is still {@code entry} (unchanged since it was read). */
    public CompletableFuture<Void> remove(String username, Entry entry) {
        return documents.removeIfUnchanged(collection, Keys.username(username), entry.cas());
    }

    /**
     * Writes the permanent entry of a profile other tools stored. When several profiles hold
     * the username, the entry names the one with the lowest record id.
     *
     * @return false when another profile holds the username too
     */
    public CompletableFuture<Boolean> indexUsername(String username, long recordId, Holders holders) {
        String key = Keys.username(username);
        return Futures.loop(ATTEMPTS, attempt -> Futures.then(claimUsername(username, recordId, holders, false),
                (claim, error) -> {
                    if (error == null) {
                        return confirm(claim).thenApply(confirmed -> confirmed ? Optional.of(true) : Optional.empty());
                    }
                    if (!(error instanceof ProfileConflictException)) {
                        return CompletableFuture.failedFuture(error);
                    }
                    return documents.get(collection, key).thenCompose(found -> found.isEmpty()
                            ? again()
                            : heldBy(key, recordId, entry(found.get())));
                }), () -> LostRaceException.contended("the username's entry"));
    }

    /** A reindexed profile meeting the entry of another that holds the username: the lower record id wins. */
    private CompletableFuture<Optional<Boolean>> heldBy(String key, long recordId, Entry held) {
        if (held.owner() == recordId) {
            return done(true);
        }
        if (held.owner() < recordId || held.pending()) {
            return done(false);
        }
        return Futures.then(documents.replace(collection, key, permanent(recordId), held.cas()), (cas, error) -> {
            if (error instanceof CasMismatchException || error instanceof DocumentNotFoundException) {
                return again();
            }
            return error == null ? done(false) : CompletableFuture.failedFuture(error);
        });
    }

    private static byte[] pending(long recordId, boolean assigned) {
        return ("{\"profile\":" + recordId + ",\"pending\":true" + (assigned ? ",\"assigned\":true}" : "}"))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] permanent(long recordId) {
        return ("{\"profile\":" + recordId + "}").getBytes(StandardCharsets.US_ASCII);
    }

    private static Entry entry(GetResult found) {
        try {
            JsonNode json = Json.MAPPER.readTree(found.contentAs(byte[].class));
            return new Entry(json.path("profile").asLong(), json.path("pending").asBoolean(false),
                    json.path("assigned").asBoolean(false), found.cas());
        } catch (IOException e) {
            throw new UncheckedIOException("a lookup document is not JSON", e);
        }
    }
}
