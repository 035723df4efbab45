package io.profilekit.core.transfer;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.internal.Futures;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What an import does with one profile: creates it; or, when its username is taken, skips it or
 * updates the profile that has it ({@link OnConflict}); in a dry run, says what it
 * would do without writing. A profile that breaks a rule is rejected with the rule's message.
 */
final class ImportWrites {

    /** What became of one record. */
    enum Outcome { CREATED, UPDATED, SKIPPED }

    private final ProfileRepository repository;
    private final AsyncProfileRepository async;
    private final OnConflict onConflict;
    private final boolean dryRun;

    ImportWrites(ProfileRepository repository, OnConflict onConflict, boolean dryRun) {
        this.repository = repository;
        this.async = repository.async();
        this.onConflict = onConflict;
        this.dryRun = dryRun;
    }

    /**
     * Writes {@code profile}; fails with an {@link InvalidProfileException} for a profile that
     * breaks a rule or cannot take the place it names, and with the store's error otherwise.
     */
    CompletableFuture<Outcome> write(Profile profile) {
        if (dryRun) {
            repository.check(profile);
            return async.findByUsername(profile.userId()).thenCompose(found -> found.isEmpty()
                    ? CompletableFuture.completedFuture(Outcome.CREATED)
                    : onConflict == OnConflict.SKIP ? CompletableFuture.completedFuture(Outcome.SKIPPED)
                    : CompletableFuture.completedFuture(target(profile, found).map(stored -> Outcome.UPDATED)
                            .orElseThrow(() -> elsewhere(profile))));
        }
        return Futures.then(async.create(profile), (created, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(Outcome.CREATED);
            }
            if (!(error instanceof ProfileConflictException)) {
                return CompletableFuture.failedFuture(error);
            }
            if (onConflict == OnConflict.SKIP) {
                return CompletableFuture.completedFuture(Outcome.SKIPPED);
            }
            return async.findByUsername(profile.userId()).thenCompose(found -> {
                StoredProfile target = target(profile, found).orElseThrow(() -> elsewhere(profile));
                return async.update(target.recordId(), null, current -> profile.toBuilder()
                        .recordId(current.recordId())
                        .picture(profile.picture() != null ? profile.picture() : current.profile().picture())
                        .build()).thenApply(updated -> Outcome.UPDATED);
            });
        });
    }

    /**
     * Writes {@code profile}, then, unless it was skipped, {@code image} as its picture (an export
     * with pictures); in a dry run, checks the image's format only.
     */
    CompletableFuture<Outcome> write(Profile profile, byte[] image) {
        if (dryRun) {
            ProfilePicture.of(image);
            return write(profile);
        }
        return write(profile).thenCompose(outcome -> outcome == Outcome.SKIPPED
                ? CompletableFuture.completedFuture(outcome)
                : async.putPicture(profile.recordId(), ProfilePicture.of(image)).thenApply(stored -> outcome));
    }

    /** The stored profile an update replaces: the one with the username, unless the record names another id. */
    private static Optional<StoredProfile> target(Profile profile, Optional<StoredProfile> byUsername) {
        return byUsername.filter(stored -> profile.recordId() == null || profile.recordId() == stored.recordId());
    }

    private static InvalidProfileException elsewhere(Profile profile) {
        return new InvalidProfileException(profile.recordId() == null
                ? "username '" + profile.userId() + "' was taken while the import ran"
                : "record_id " + profile.recordId() + " is another profile's, not the one with username '"
                        + profile.userId() + "'");
    }
}
