package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.GetResult;
import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The username entries that let a profile be found by username with one get, and that make a
 * username unique: {@code lookup::user_id::<username>} holds {@code {"profile":<id>}}, and only
 * one writer can insert it.
 *
 * <p>A claim is first <em>pending</em> ({@code "pending":true}), inserted with a server-side
 * expiry of {@link #CLAIM_TTL}; once the profile holds the username, the claim is confirmed:
 * replaced, with its CAS, by a permanent entry. A writer that dies, or whose write stays
 * unsettled, leaves a pending claim that the server removes in time; no application clock is
 * involved, so instances whose clocks differ agree on who owns a username. A permanent entry
 * whose profile no longer holds the username (left by a rename or delete that stopped half
 * way) is stale; claimants and background repairs remove it by CAS.
 */
final class Lookups {

    /** How long a pending claim lives on the server unless confirmed. */
    static final Duration CLAIM_TTL = Duration.ofMinutes(2);

    private static final int ATTEMPTS = 16;

    /** A claim this writer holds: the entry's key, its owner and the CAS it holds it at. */
    record Claim(String key, long recordId, long cas) {
    }

    /** Tells whether the profile stored under a record id has a given username. */
    @FunctionalInterface
    interface Holders {
        boolean holds(long recordId, String username);
    }

    /** A username entry as stored. */
    record Entry(long owner, boolean pending, long cas) {
    }

    private final Collection collection;
    private final Documents documents;

    Lookups(Collection collection, Documents documents) {
        this.collection = collection;
        this.documents = documents;
    }

    /** The username's entry, if there is one. */
    Optional<Entry> username(String username) {
        return documents.get(collection, Keys.username(username)).map(Lookups::entry);
    }

    /**
     * Claims {@code username} for {@code recordId}: a pending entry that expires unless
     * {@link #confirm confirmed}.
     *
     * @param holders tells whether the profile an existing entry names really has the username
     * @throws ProfileConflictException when a profile holds it, or another writer's claim is pending
     * @throws UnsettledWriteException when the claim may or may not have been written
     */
    Claim claimUsername(String username, long recordId, Holders holders) {
        String key = Keys.username(username);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return new Claim(key, recordId, documents.insert(collection, key, pending(recordId), CLAIM_TTL));
            } catch (DocumentExistsException taken) {
                Optional<GetResult> found = documents.get(collection, key);
                if (found.isEmpty()) {
                    continue;
                }
                Entry existing = entry(found.get());
                if (existing.owner() == recordId) {
                    Optional<Claim> own = reclaim(key, recordId, existing);
                    if (own.isPresent()) {
                        return own.get();
                    }
                    continue;
                }
                if (holders.holds(existing.owner(), username)) {
                    if (existing.pending()) {
                        confirmQuietly(new Claim(key, existing.owner(), existing.cas()));
                    }
                    throw new ProfileConflictException("username '" + username + "' is taken");
                }
                if (existing.pending()) {
                    throw new ProfileConflictException("username '" + username + "' is being claimed; try again later");
                }
                documents.removeIfUnchanged(collection, key, existing.cas());
            }
        }
        throw new StoreUnavailableException("the username '" + username + "' is contended; try again");
    }

    /**
     * An entry of this record's own: pending, it is this writer's (an insert retried after an
     * unsettled one); permanent, it is made pending again, so that a repair that found it stale
     * cannot remove it while the profile takes the username back.
     */
    private Optional<Claim> reclaim(String key, long recordId, Entry existing) {
        if (existing.pending()) {
            return Optional.of(new Claim(key, recordId, existing.cas()));
        }
        try {
            return Optional.of(new Claim(key, recordId,
                    documents.replace(collection, key, pending(recordId), existing.cas(), CLAIM_TTL)));
        } catch (CasMismatchException | DocumentNotFoundException changed) {
            return Optional.empty();
        }
    }

    /**
     * Makes a claim permanent, now that its profile holds the username.
     *
     * @return false when the claim was lost (it expired and another writer claimed the name)
     * @throws io.profilekit.core.StoreUnavailableException when Couchbase cannot be asked
     */
    boolean confirm(Claim claim) {
        try {
            documents.replace(collection, claim.key(), permanent(claim.recordId()), claim.cas());
            return true;
        } catch (CasMismatchException | DocumentNotFoundException changed) {
            return documents.get(collection, claim.key()).map(Lookups::entry)
                    .filter(now -> now.owner() == claim.recordId() && !now.pending()).isPresent();
        }
    }

    private void confirmQuietly(Claim claim) {
        try {
            confirm(claim);
        } catch (RuntimeException e) {
            // the claim expires by itself, or the next claimant confirms it
        }
    }

    /** Withdraws a claim whose profile write certainly failed. */
    void release(Claim claim) {
        documents.removeIfUnchanged(collection, claim.key(), claim.cas());
    }

    /**
     * Removes the username's entry if it names {@code recordId} and is permanent: after the
     * profile gave the username up (renamed or deleted).
     */
    void releaseUsername(String username, long recordId) {
        String key = Keys.username(username);
        documents.get(collection, key).map(Lookups::entry).ifPresent(entry -> {
            if (entry.owner() == recordId && !entry.pending()) {
                documents.removeIfUnchanged(collection, key, entry.cas());
            }
        });
    }

    /**
     * Writes the permanent entry of a profile other tools stored. When several profiles hold
     * the username, the entry names the one with the lowest record id.
     *
     * @return false when another profile holds the username too
     */
    boolean indexUsername(String username, long recordId, Holders holders) {
        String key = Keys.username(username);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Claim claim;
            try {
                claim = claimUsername(username, recordId, holders);
            } catch (ProfileConflictException taken) {
                Optional<GetResult> found = documents.get(collection, key);
                if (found.isEmpty()) {
                    continue;
                }
                Entry held = entry(found.get());
                if (held.owner() == recordId) {
                    return true;
                }
                if (held.owner() > recordId && !held.pending()) {
                    try {
                        documents.replace(collection, key, permanent(recordId), held.cas());
                    } catch (CasMismatchException | DocumentNotFoundException changed) {
                        continue;
                    }
                }
                return false;
            }
            if (confirm(claim)) {
                return true;
            }
        }
        throw new StoreUnavailableException("the username '" + username + "' is contended; try again");
    }

    private static byte[] pending(long recordId) {
        return ("{\"profile\":" + recordId + ",\"pending\":true}").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] permanent(long recordId) {
        return ("{\"profile\":" + recordId + "}").getBytes(StandardCharsets.US_ASCII);
    }

    private static Entry entry(GetResult found) {
        try {
            JsonNode json = Json.MAPPER.readTree(found.contentAs(byte[].class));
            return new Entry(json.path("profile").asLong(), json.path("pending").asBoolean(false), found.cas());
        } catch (IOException e) {
            throw new UncheckedIOException("a lookup document is not JSON", e);
        }
    }
}
