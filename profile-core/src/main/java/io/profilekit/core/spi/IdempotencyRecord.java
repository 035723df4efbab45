package io.profilekit.core.spi;

import io.profilekit.core.StoredProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * What a store keeps under an idempotency key: which request used it (a fingerprint of the
 * profile to create), the record id reserved for that create, and, once it is known, its answer.
 *
 * @param fingerprint the request's fingerprint, to tell a retry from another request
 * @param recordId the record id the create writes under, whichever attempt writes it
 * @param answer the stored profile the create answered; empty until it has answered
 */
public record IdempotencyRecord(String fingerprint, long recordId, Optional<StoredProfile> answer) {

    public IdempotencyRecord {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(answer, "answer");
    }

    /** A record of a create that has not answered yet. */
    public static IdempotencyRecord pending(String fingerprint, long recordId) {
        return new IdempotencyRecord(fingerprint, recordId, Optional.empty());
    }

    /** This record with the create's answer. */
    public IdempotencyRecord answered(StoredProfile stored) {
        return new IdempotencyRecord(fingerprint, recordId, Optional.of(stored));
    }
}
