package io.profilekit.core.couchbase.internal.lookups;

import static io.profilekit.core.internal.Futures.again;
import static io.profilekit.core.internal.Futures.done;

import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileJson;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.core.couchbase.internal.kv.Documents;
import io.profilekit.core.couchbase.internal.kv.Keys;
import io.profilekit.core.couchbase.internal.kv.ProfileReads;
import io.profilekit.core.couchbase.internal.kv.RecordIdCounter;
import io.profilekit.core.couchbase.internal.kv.UnsettledWriteException;
import io.profilekit.core.internal.Futures;
import io.profilekit.core.spi.LostRaceException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Creates, replaces and deletes profiles with their lookup entries. A new username is claimed
 * and a new nickname entered before the profile is written, and the claim confirmed after; old
 * entries are given up after. So a reader never misses a profile that exists, and a failure
 * leaves at worst a stale entry that reads ignore and {@link Repairs} removes.
 *
 * <p>A write that failed for certain withdraws its new entries. A write that may have been
 * applied ({@link UnsettledWriteException}) keeps them: the claim expires on the server if
 * the write did not land, and is confirmed by the next claimant or reader if it did, so a
 * client that retries a create answered 503 gets its profile (201) or the name taken (409),
 * never a second profile with the same username.
 */
public final class ProfileWrites {

    /** Attempts at a server-assigned record id before concluding the counter is behind. */
    private static final int ID_ATTEMPTS = 64;

    private final Collection profiles;
    private final Collection images;
    private final Documents documents;
    private final Lookups lookups;
    private final Nicknames nicknames;
    private final ProfileReads reads;
    private final RecordIdCounter counter;
    private final Repairs repairs;

    public ProfileWrites(Collection profiles, Collection images, Documents documents, Lookups lookups,
            Nicknames nicknames, ProfileReads reads, RecordIdCounter counter, Repairs repairs) {
        this.profiles = profiles;
        this.images = images;
        this.documents = documents;
        this.lookups = lookups;
        this.nicknames = nicknames;
        this.reads = reads;
        this.counter = counter;
        this.repairs = repairs;
    }

    /** Inserts a profile checked by the repository, under its record id or the counter's next. */
    public CompletableFuture<StoredProfile> insert(Profile profile) {
        boolean assigned = profile.recordId() == null;
        return Futures.loop(ID_ATTEMPTS, attempt -> (assigned ? counter.next()
                : CompletableFuture.completedFuture(profile.recordId()))
                .thenCompose(recordId -> insertAs(profile.withRecordId(recordId), assigned)),
                () -> StoreConfigurationException.misconfigured("new record ids collide with existing profiles: run"
                        + " init to move the record id counter above them", null));
    }

    /**
     * One attempt at inserting under the profile's record id, or under the record id of an
     * unsettled create's claim it adopted; empty when that id was taken and another may be tried.
     */
    private CompletableFuture<Optional<StoredProfile>> insertAs(Profile asked, boolean assigned) {
        return lookups.claimUsername(asked.userId(), asked.recordId(), reads::holding, assigned).thenCompose(claim -> {
            Profile profile = asked.withRecordId(claim.recordId());
            long recordId = claim.recordId();
            byte[] json = ProfileJson.toJson(profile);
            return enterNickname(profile.nickname(), recordId, claim)
                    .thenCompose(entered -> Futures.then(documents.insert(profiles, Keys.profile(recordId), json),
                            (cas, error) -> {
                                if (error == null) {
                                    return inserted(profile, claim, json, cas, assigned);
                                }
                                if (error instanceof DocumentExistsException) {
                                    return idTaken(profile, claim, assigned);
                                }
                                if (error instanceof UnsettledWriteException) {
                                    repairs.settle(claim, profile.userId());
                                    return CompletableFuture.failedFuture(error);
                                }
                                return withdraw(claim, profile.nickname(), recordId)
                                        .thenCompose(withdrawn -> CompletableFuture.failedFuture(error));
                            }));
        });
    }

    private CompletableFuture<Optional<StoredProfile>> inserted(Profile profile, Lookups.Claim claim, byte[] json,
            long cas, boolean assigned) {
        long recordId = profile.recordId();
        return settleEntries(claim, profile.nickname(), recordId, () -> documents
                .removeIfUnchanged(profiles, Keys.profile(recordId), cas)
                .thenCompose(removed -> withdraw(null, profile.nickname(), recordId)))
                .thenCompose(settled -> assigned ? CompletableFuture.completedFuture(null) : counter.raiseTo(recordId))
                .thenCompose(raised -> done(StoredProfile.ofJson(recordId, json, new Version(cas))));
    }

    /** The record id was taken: by an earlier attempt of this very create, or by another profile. */
    private CompletableFuture<Optional<StoredProfile>> idTaken(Profile profile, Lookups.Claim claim, boolean assigned) {
        long recordId = profile.recordId();
        return reads.holdsUsername(recordId, profile.userId()).thenCompose(ours -> ours
                // An earlier attempt of this very create landed: its claim is this one.
                ? confirmOrLeave(claim)
                : withdraw(claim, profile.nickname(), recordId))
                .thenCompose(cleaned -> {
                    if (!assigned) {
                        throw ProfileConflictException.recordIdTaken(recordId);
                    }
                    return again();
                });
    }

    /** Writes {@code replacement} over {@code current} if it is still at its CAS, moving the lookup entries. */
    public CompletableFuture<StoredProfile> replace(StoredProfile current, Profile replacement) {
        long recordId = current.recordId();
        byte[] json = ProfileJson.toJson(replacement);
        Profile previous = current.profile();
        boolean renamed = !replacement.userId().equals(previous.userId());
        String newNickname = replacement.nickname() != null && !replacement.nickname().equals(previous.nickname())
                ? replacement.nickname() : null;
        CompletableFuture<Lookups.Claim> claimed = renamed
                ? lookups.claimUsername(replacement.userId(), recordId, reads::holding, false)
                : CompletableFuture.completedFuture(null);
        return claimed.thenCompose(claim -> enterNickname(newNickname, recordId, claim).thenCompose(entered ->
                Futures.then(documents.replace(profiles, Keys.profile(recordId), json, current.version().value()),
                        (cas, error) -> {
                            if (error == null) {
                                return replaced(previous, replacement, claim, newNickname, recordId)
                                        .thenApply(settled -> StoredProfile.ofJson(recordId, json, new Version(cas)));
                            }
                            if (error instanceof UnsettledWriteException) {
                                if (claim != null) {
                                    repairs.settle(claim, replacement.userId());
                                }
                                return CompletableFuture.failedFuture(error);
                            }
                            RuntimeException failure = error instanceof CasMismatchException
                                    ? LostRaceException.versionChanged(recordId)
                                    : error instanceof DocumentNotFoundException
                                            ? ProfileNotFoundException.noProfile(recordId)
                                            : Futures.rethrow(error);
                            return withdraw(claim, newNickname, recordId)
                                    .thenCompose(withdrawn -> CompletableFuture.failedFuture(failure));
                        })));
    }

    /** After a replace landed: confirms the new entries, gives up the old ones. */
    private CompletableFuture<Void> replaced(Profile previous, Profile replacement, Lookups.Claim claim,
            String newNickname, long recordId) {
        return settleEntries(claim, newNickname, recordId, null).thenCompose(settled -> CompletableFuture.allOf(
                claim != null ? giveUp(() -> repairs.releaseUsername(previous.userId(), recordId)) : finished(),
                previous.nickname() != null && !previous.nickname().equals(replacement.nickname())
                        ? giveUp(() -> repairs.removeNickname(previous.nickname(), recordId)) : finished()));
    }

    /** Deletes the profile if it is still at {@code current}'s CAS, then its picture and lookup entries. */
    public CompletableFuture<Void> delete(StoredProfile current) {
        long recordId = current.recordId();
        return Futures.then(documents.remove(profiles, Keys.profile(recordId), current.version().value()),
                (removed, error) -> {
                    if (error instanceof CasMismatchException) {
                        throw LostRaceException.versionChanged(recordId);
                    }
                    if (error instanceof DocumentNotFoundException) {
                        throw ProfileNotFoundException.noProfile(recordId);
                    }
                    if (error != null) {
                        return CompletableFuture.failedFuture(error);
                    }
                    Profile deleted = current.profile();
                    return CompletableFuture.allOf(
                            deleted.picture() != null
                                    ? giveUp(() -> documents.removeIfPresent(images, Keys.image(deleted.picture())))
                                    : finished(),
                            giveUp(() -> repairs.releaseUsername(deleted.userId(), recordId)),
                            deleted.nickname() != null
                                    ? giveUp(() -> repairs.removeNickname(deleted.nickname(), recordId))
                                    : finished());
                });
    }

    /** Adds the nickname's entry before the profile; on failure the claim is withdrawn (the profile was not written). */
    private CompletableFuture<Void> enterNickname(String nickname, long recordId, Lookups.Claim claim) {
        if (nickname == null) {
            return finished();
        }
        return Futures.then(nicknames.add(nickname, recordId), (added, error) -> error == null
                ? finished()
                : withdraw(claim, nickname, recordId).thenCompose(withdrawn -> CompletableFuture.failedFuture(error)));
    }

    /**
     * After the profile was written: makes sure its nickname entry is still there (a repair
     * that found it stale before the profile existed may have removed it), and confirms the
     * username claim.
     *
     * @param undo takes the written profile back when the claim was lost; {@code null} to keep it
     * @return fails with {@link StoreUnavailableException} when the claim could not be confirmed
     *     yet (a repair goes on trying; the profile exists and reads find it), or was lost
     */
    private CompletableFuture<Void> settleEntries(Lookups.Claim claim, String nickname, long recordId,
            Supplier<CompletableFuture<Void>> undo) {
        CompletableFuture<Void> entered = nickname == null ? finished()
                : nicknames.names(nickname, recordId)
                        .thenCompose(names -> names ? finished() : nicknames.add(nickname, recordId))
                        .exceptionally(error -> {
                            repairs.later("enter a nickname", () -> nicknames.add(nickname, recordId));
                            return null;
                        });
        if (claim == null) {
            return entered;
        }
        return entered.thenCompose(ignored -> Futures.then(lookups.confirm(claim), (confirmed, error) -> {
            if (error != null) {
                repairs.confirm(claim);
                throw new StoreUnavailableException("profile " + recordId + " was written but Couchbase did not confirm "
                        + "its username; it will be confirmed shortly", error);
            }
            if (!confirmed) {
                return (undo != null ? giveUp(undo) : finished()).thenApply(undone -> {
                    throw new StoreUnavailableException("profile " + recordId + " was written after its username claim"
                            + " expired; try again");
                });
            }
            return finished();
        }));
    }

    private CompletableFuture<Void> confirmOrLeave(Lookups.Claim claim) {
        return lookups.confirm(claim).handle((confirmed, error) -> {
            if (error != null) {
                repairs.confirm(claim);
            }
            return null;
        });
    }

    /** Withdraws the new entries of a write that certainly failed; what cannot be withdrawn expires or goes stale. */
    private CompletableFuture<Void> withdraw(Lookups.Claim claim, String nickname, long recordId) {
        return CompletableFuture.allOf(
                claim != null ? giveUp(() -> lookups.release(claim)) : finished(),
                nickname != null ? giveUp(() -> repairs.removeNickname(nickname, recordId)) : finished());
    }

    /** Removes an entry no profile needs any more: at once, or later by a repair. Never fails. */
    private CompletableFuture<Void> giveUp(Supplier<? extends CompletableFuture<?>> removal) {
        return Futures.attempt(removal::get).handle((removed, error) -> {
            if (error != null) {
                repairs.later("remove an entry no profile needs", removal);
            }
            return null;
        });
    }

    private static CompletableFuture<Void> finished() {
        return CompletableFuture.completedFuture(null);
    }
}
