package io.profilekit.core;

import io.profilekit.core.internal.Futures;
import io.profilekit.core.spi.IdempotencyRecord;
import io.profilekit.core.spi.ProfileStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Creates under an {@link IdempotencyKey}. The key's first use reserves the record id the
 * profile is written under, so that every retry writes the same profile to the same place:
 * whichever attempt lands first is the create, and the others find it there. Once the create
 * has answered, the answer is kept with the key and repeated to every retry.
 */
final class IdempotentCreates {

    private final ProfileStore store;

    IdempotentCreates(ProfileStore store) {
        this.store = store;
    }

    /**
     * Creates {@code checked} (already checked against the rules) through {@code insert}, or
     * answers what the key's first use answered.
     *
     * @throws IdempotencyKeyReusedException (in the future) when the key was used with another profile
     */
    CompletableFuture<StoredProfile> create(Profile checked, IdempotencyKey key,
            Function<Profile, CompletableFuture<StoredProfile>> insert) {
        String fingerprint = fingerprint(checked);
        CompletableFuture<Long> recordId = checked.recordId() != null
                ? CompletableFuture.completedFuture(checked.recordId())
                : store.reserveRecordId();
        return recordId.thenCompose(id -> store.remember(key.digest(), IdempotencyRecord.pending(fingerprint, id),
                key.lifetime())).thenCompose(record -> {
                    if (!record.fingerprint().equals(fingerprint)) {
                        throw new IdempotencyKeyReusedException();
                    }
                    if (record.answer().isPresent()) {
                        return CompletableFuture.completedFuture(record.answer().get());
                    }
                    Profile profile = checked.withRecordId(record.recordId());
                    return Futures.then(insert.apply(profile), (stored, error) -> {
                        if (error == null) {
                            return answered(key, record, stored);
                        }
                        if (error instanceof ProfileConflictException) {
                            return landedBefore(key, record, profile, error);
                        }
                        return CompletableFuture.failedFuture(error);
                    });
                });
    }

    /**
     * A conflict on a retry: an earlier attempt of this very create may have landed (its answer
     * lost, or a 503), in which case its profile is under the reserved id with this username.
     */
    private CompletableFuture<StoredProfile> landedBefore(IdempotencyKey key, IdempotencyRecord record,
            Profile profile, Throwable conflict) {
        return store.findById(record.recordId()).thenCompose(found -> found.isPresent()
                && found.get().profile().userId().equals(profile.userId())
                ? answered(key, record, found.get())
                : CompletableFuture.failedFuture(conflict));
    }

    /** Keeps the answer with the key; the create is done whether or not it was kept (a retry finds the profile). */
    private CompletableFuture<StoredProfile> answered(IdempotencyKey key, IdempotencyRecord record,
            StoredProfile stored) {
        return store.settle(key.digest(), record.answered(stored), key.lifetime()).handle((kept, error) -> stored);
    }

    /** The request's fingerprint: a digest of the profile to create, as the store would write it. */
    static String fingerprint(Profile profile) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ProfileJson.toJson(profile)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
