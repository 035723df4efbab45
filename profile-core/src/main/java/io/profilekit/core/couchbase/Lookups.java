package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.GetResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lookup documents that let usernames and nicknames be found by key instead of by query.
 *
 * <p>{@code lookup::user_id::<username>} holds {@code {"profile":<id>,"claimed_at":<ms>}};
 * inserting it is what makes a username unique. {@code lookup::nickname::<nickname>} holds
 * {@code {"profiles":{"<id>":<ms>,...}}}. Entries are written before the profile and removed
 * after it, so a crash leaves at worst a stale entry, never a missing one. Readers check every
 * entry against the profile it names and ignore stale ones; an entry older than
 * {@link #GRACE} that the profile does not confirm is stale for good and may be removed (a
 * younger one may belong to a write still in flight).
 */
final class Lookups {

    /** How long an unconfirmed entry is presumed to belong to a write in flight. */
    static final Duration GRACE = Duration.ofMinutes(1);

    private static final int ATTEMPTS = 32;

    private final Collection collection;
    private final Documents documents;
    private final Clock clock;

    Lookups(Collection collection, Documents documents, Clock clock) {
        this.collection = collection;
        this.documents = documents;
        this.clock = clock;
    }

    /** The record id the username's entry names, if there is an entry. */
    Optional<Long> usernameOwner(String username) {
        return documents.get(collection, Keys.username(username))
                .map(entry -> read(entry).path("profile").asLong());
    }

    /** Tells whether the profile stored under a record id has a given username. */
    @FunctionalInterface
    interface Holders {
        boolean holds(long recordId, String username);
    }

    /**
     * Makes {@code username} point to {@code recordId}.
     *
     * @param holders tells whether the profile an existing entry names really has the username
     * @throws ProfileConflictException when a live profile, or a write in flight, holds it
     */
    void claimUsername(String username, long recordId, Holders holders) {
        String key = Keys.username(username);
        ObjectNode entry = Json.MAPPER.createObjectNode()
                .put("profile", recordId)
                .put("claimed_at", clock.millis());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                documents.insert(collection, key, bytes(entry));
                return;
            } catch (DocumentExistsException taken) {
                Optional<GetResult> existing = documents.get(collection, key);
                if (existing.isEmpty()) {
                    continue;
                }
                JsonNode held = read(existing.get());
                long owner = held.path("profile").asLong();
                if (owner == recordId) {
                    return;
                }
                if (!isOld(held.path("claimed_at").asLong()) || holders.holds(owner, username)) {
                    throw new ProfileConflictException("username '" + username + "' is taken");
                }
                documents.removeIfUnchanged(collection, key, existing.get().cas());
            }
        }
        throw new StoreUnavailableException("the username '" + username + "' is contended; try again");
    }

    /** Removes the username's entry if it still names {@code recordId}. */
    void releaseUsername(String username, long recordId) {
        String key = Keys.username(username);
        documents.get(collection, key).ifPresent(entry -> {
            if (read(entry).path("profile").asLong() == recordId) {
                documents.removeIfUnchanged(collection, key, entry.cas());
            }
        });
    }

    /**
     * Removes the username's entry if it still names {@code recordId} and is older than the
     * grace: for entries a reader found unconfirmed by the profile they name.
     */
    void releaseUsernameIfStale(String username, long recordId) {
        String key = Keys.username(username);
        documents.get(collection, key).ifPresent(entry -> {
            JsonNode held = read(entry);
            if (held.path("profile").asLong() == recordId && isOld(held.path("claimed_at").asLong())) {
                documents.removeIfUnchanged(collection, key, entry.cas());
            }
        });
    }

    /** The record ids the nickname's entry names, each with the time it was added. */
    Map<Long, Long> nicknameEntries(String nickname) {
        Map<Long, Long> entries = new TreeMap<>();
        documents.get(collection, Keys.nickname(nickname)).ifPresent(document -> {
            for (Map.Entry<String, JsonNode> field : read(document).path("profiles").properties()) {
                entries.put(Long.parseLong(field.getKey()), field.getValue().asLong());
            }
        });
        return entries;
    }

    /** Adds {@code recordId} to the nickname's entry. */
    void addNickname(String nickname, long recordId) {
        updateNickname(nickname, profiles -> {
            if (profiles.has(Long.toString(recordId))) {
                return false;
            }
            profiles.put(Long.toString(recordId), clock.millis());
            return true;
        });
    }

    /** Removes {@code recordId} from the nickname's entry. */
    void removeNickname(String nickname, long recordId) {
        updateNickname(nickname, profiles -> profiles.remove(Long.toString(recordId)) != null);
    }

    /** Removes the given record ids from the nickname's entry where they are older than the grace. */
    void removeStaleNicknames(String nickname, List<Long> recordIds) {
        updateNickname(nickname, profiles -> {
            boolean changed = false;
            for (long recordId : recordIds) {
                JsonNode added = profiles.get(Long.toString(recordId));
                if (added != null && isOld(added.asLong())) {
                    profiles.remove(Long.toString(recordId));
                    changed = true;
                }
            }
            return changed;
        });
    }

    private interface Change {
        /** Changes the entries in place; returns whether anything changed. */
        boolean apply(ObjectNode profiles);
    }

    private void updateNickname(String nickname, Change change) {
        String key = Keys.nickname(nickname);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<GetResult> current = documents.get(collection, key);
            ObjectNode document = current.map(entry -> (ObjectNode) read(entry))
                    .orElseGet(Json.MAPPER::createObjectNode);
            ObjectNode profiles = document.has("profiles") && document.get("profiles").isObject()
                    ? (ObjectNode) document.get("profiles")
                    : document.putObject("profiles");
            if (!change.apply(profiles)) {
                return;
            }
            try {
                if (current.isEmpty()) {
                    documents.insert(collection, key, bytes(document));
                } else if (profiles.isEmpty()) {
                    documents.remove(collection, key, current.get().cas());
                } else {
                    documents.replace(collection, key, bytes(document), current.get().cas());
                }
                return;
            } catch (DocumentExistsException | CasMismatchException | DocumentNotFoundException raced) {
                // another writer changed the entry first: read it again and redo the change
            }
        }
        throw new StoreUnavailableException("the nickname '" + nickname + "' is contended; try again");
    }

    private boolean isOld(long claimedAt) {
        return clock.millis() - claimedAt > GRACE.toMillis();
    }

    private static JsonNode read(GetResult entry) {
        try {
            return Json.MAPPER.readTree(entry.contentAs(byte[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("a lookup document is not JSON", e);
        }
    }

    private static byte[] bytes(JsonNode document) {
        try {
            return Json.MAPPER.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
