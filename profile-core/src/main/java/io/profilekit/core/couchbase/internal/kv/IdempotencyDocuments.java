package io.profilekit.core.couchbase.internal.kv;

import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.core.internal.Futures;
import io.profilekit.core.internal.Json;
import io.profilekit.core.spi.IdempotencyRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Idempotency records as documents of the lookups collection,
 * {@code idempotency::<key digest>} holding
 * {@code {"fingerprint":"…","record":42,"answer":{"version":…,"profile":{…}}}}, each removed by
 * the server when its lifetime is over. Only one writer can insert a key's document, so every
 * instance agrees on which request a key belongs to. {@code idempotency-of::<record id>} names
 * the key whose create wrote that record id, for as long, so that a deleted profile's record
 * (which holds a copy of it) is removed with it ({@link #forget}).
 */
public final class IdempotencyDocuments {

    private static final String PREFIX = "idempotency::";
    private static final String OF_RECORD = "idempotency-of::";
    private static final int ATTEMPTS = 3;

    private final Collection collection;
    private final Documents documents;

    public IdempotencyDocuments(Collection collection, Documents documents) {
        this.collection = collection;
        this.documents = documents;
    }

    /**
     * Keeps {@code proposed} under the key unless a record is there; the record there now, after
     * noting which key its record id belongs to.
     */
    public CompletableFuture<IdempotencyRecord> remember(String key, IdempotencyRecord proposed, Duration lifetime) {
        return kept(key, proposed, lifetime).thenCompose(kept -> note(key, kept.recordId(), lifetime)
                .thenApply(noted -> kept));
    }

    /** Notes that {@code recordId} is the create of {@code key}'s: inserted, or replaced when noted before. */
    private CompletableFuture<Void> note(String key, long recordId, Duration lifetime) {
        byte[] json = ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
        return Futures.then(documents.insert(collection, OF_RECORD + recordId, json, lifetime), (cas, error) ->
                error instanceof DocumentExistsException
                        ? documents.replace(collection, OF_RECORD + recordId, json, 0, lifetime).thenApply(replaced -> null)
                        : error == null ? CompletableFuture.<Void>completedFuture(null)
                        : CompletableFuture.<Void>failedFuture(error));
    }

    /** Removes the record of the create that wrote {@code recordId}, and the note that named it. */
    public CompletableFuture<Void> forget(long recordId) {
        return documents.get(collection, OF_RECORD + recordId).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            String key = readTree(found.get().contentAs(byte[].class)).path("key").asText();
            return documents.removeIfPresent(collection, PREFIX + key)
                    .thenCompose(removed -> documents.removeIfPresent(collection, OF_RECORD + recordId));
        });
    }

    private CompletableFuture<IdempotencyRecord> kept(String key, IdempotencyRecord proposed, Duration lifetime) {
        return Futures.loop(ATTEMPTS, attempt -> Futures.then(
                documents.insert(collection, PREFIX + key, encode(proposed), lifetime), (cas, error) -> {
                    if (error == null) {
                        return Futures.done(proposed);
                    }
                    if (!(error instanceof DocumentExistsException)) {
                        return CompletableFuture.failedFuture(error);
                    }
                    // Another request with this key was first; an expired record is inserted anew.
                    return documents.get(collection, PREFIX + key).thenApply(found -> found
                            .map(stored -> decode(stored.contentAs(byte[].class))));
                }), () -> new StoreUnavailableException("an idempotency key's record kept"
                        + " expiring while it was read; try again"));
    }

    /** Keeps {@code answered} under the key for {@code lifetime} from now. */
    public CompletableFuture<Void> settle(String key, IdempotencyRecord answered, Duration lifetime) {
        byte[] json = encode(answered);
        return Futures.then(documents.replace(collection, PREFIX + key, json, 0, lifetime), (cas, error) -> {
            if (error instanceof DocumentNotFoundException) {
                return documents.insert(collection, PREFIX + key, json, lifetime)
                        .<Void>thenApply(inserted -> null)
                        .exceptionallyCompose(raced -> Futures.unwrap(raced) instanceof DocumentExistsException
                                ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(raced));
            }
            return error == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(error);
        });
    }

    private static byte[] encode(IdempotencyRecord record) {
        ObjectNode json = Json.MAPPER.createObjectNode()
                .put("fingerprint", record.fingerprint())
                .put("record", record.recordId());
        record.answer().ifPresent(answer -> {
            ObjectNode stored = json.putObject("answer").put("version", answer.version().value());
            stored.set("profile", readTree(answer.json()));
        });
        try {
            return Json.MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("a tree Jackson built cannot be written", e);
        }
    }

    private static IdempotencyRecord decode(byte[] bytes) {
        JsonNode json = readTree(bytes);
        if (!json.path("fingerprint").isTextual() || !json.path("record").canConvertToLong()) {
            throw StoreConfigurationException.misconfigured("an idempotency document (" + PREFIX + "...) is not one"
                    + " profilekit wrote; remove it", null);
        }
        long recordId = json.path("record").asLong();
        JsonNode answer = json.path("answer");
        Optional<StoredProfile> stored = answer.isObject()
                ? Optional.of(StoredProfile.ofJson(recordId, write(answer.path("profile")),
                        new Version(answer.path("version").asLong())))
                : Optional.empty();
        return new IdempotencyRecord(json.path("fingerprint").asText(), recordId, stored);
    }

    private static JsonNode readTree(byte[] bytes) {
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw StoreConfigurationException.misconfigured("an idempotency document (" + PREFIX + "...) is not"
                    + " JSON; remove it", e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a tree Jackson read cannot be written", e);
        }
    }
}
