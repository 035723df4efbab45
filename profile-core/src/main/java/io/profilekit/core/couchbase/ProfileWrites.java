package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import io.profilekit.core.PreconditionFailedException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileJson;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfileRules;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;

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
final class ProfileWrites {

    /** Attempts at a server-assigned record id before concluding the counter is behind. */
    private static final int ID_ATTEMPTS = 64;
    /** Attempts at an unconditional write that keeps losing races to other writers. */
    static final int RACE_ATTEMPTS = 16;

    private final Collection profiles;
    private final Collection images;
    private final Documents documents;
    private final Lookups lookups;
    private final Nicknames nicknames;
    private final ProfileReads reads;
    private final RecordIdCounter counter;
    private final Repairs repairs;

    ProfileWrites(Collection profiles, Collection images, Documents documents, Lookups lookups, Nicknames nicknames,
            ProfileReads reads, RecordIdCounter counter, Repairs repairs) {
        this.profiles = profiles;
        this.images = images;
        this.documents = documents;
        this.lookups = lookups;
        this.nicknames = nicknames;
        this.reads = reads;
        this.counter = counter;
        this.repairs = repairs;
    }

    StoredProfile create(Profile profile) {
        ProfileRules.checkWritable(profile);
        boolean assigned = profile.recordId() == null;
        for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
            long recordId = assigned ? counter.next() : profile.recordId();
            Profile withId = profile.withRecordId(recordId);
            byte[] json = ProfileJson.toJson(withId);
            Lookups.Claim claim = lookups.claimUsername(withId.userId(), recordId, reads::holdsUsername);
            enterNickname(withId.nickname(), recordId, claim);
            long cas;
            try {
                cas = documents.insert(profiles, Keys.profile(recordId), json);
            } catch (DocumentExistsException idTaken) {
                if (reads.holdsUsername(recordId, withId.userId())) {
                    // An earlier attempt of this very create landed: its claim is this one.
                    confirmOrLeave(claim);
                } else {
                    withdraw(claim, withId.nickname(), recordId);
                }
                if (!assigned) {
                    throw ProfileConflictException.recordIdTaken(recordId);
                }
                continue;
            } catch (UnsettledWriteException unsettled) {
                repairs.settle(claim, withId.userId());
                throw unsettled;
            } catch (RuntimeException failed) {
                withdraw(claim, withId.nickname(), recordId);
                throw failed;
            }
            settleEntries(claim, withId.nickname(), recordId, () -> {
                documents.removeIfUnchanged(profiles, Keys.profile(recordId), cas);
                withdraw(null, withId.nickname(), recordId);
            });
            if (!assigned) {
                counter.raiseTo(recordId);
            }
            return StoredProfile.ofJson(recordId, json, new Version(cas));
        }
        throw new StoreUnavailableException("new record ids collide with existing profiles: "
                + "run init to move the record id counter above them");
    }

    StoredProfile replace(Profile profile, Version expected) {
        ProfileRules.checkReplaceable(profile);
        long recordId = profile.recordId();
        byte[] json = ProfileJson.toJson(profile);
        for (int attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
            ProfileReads.Current current = reads.current(recordId, expected);
            Profile previous = current.profile();
            boolean renamed = !profile.userId().equals(previous.userId());
            String newNickname = profile.nickname() != null && !profile.nickname().equals(previous.nickname())
                    ? profile.nickname() : null;
            Lookups.Claim claim = renamed ? lookups.claimUsername(profile.userId(), recordId, reads::holdsUsername)
                    : null;
            enterNickname(newNickname, recordId, claim);
            long cas;
            try {
                cas = documents.replace(profiles, Keys.profile(recordId), json, current.cas());
            } catch (CasMismatchException changed) {
                withdraw(claim, newNickname, recordId);
                if (expected != null) {
                    throw PreconditionFailedException.changedSince(recordId, expected);
                }
                continue;
            } catch (DocumentNotFoundException gone) {
                withdraw(claim, newNickname, recordId);
                throw ProfileNotFoundException.noProfile(recordId);
            } catch (UnsettledWriteException unsettled) {
                if (claim != null) {
                    repairs.settle(claim, profile.userId());
                }
                throw unsettled;
            } catch (RuntimeException failed) {
                withdraw(claim, newNickname, recordId);
                throw failed;
            }
            settleEntries(claim, newNickname, recordId, null);
            if (renamed) {
                giveUp(() -> lookups.releaseUsername(previous.userId(), recordId));
            }
            if (previous.nickname() != null && !previous.nickname().equals(profile.nickname())) {
                giveUp(() -> nicknames.remove(previous.nickname(), recordId));
            }
            return StoredProfile.ofJson(recordId, json, new Version(cas));
        }
        throw contended(recordId);
    }

    void delete(long recordId, Version expected) {
        for (int attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
            ProfileReads.Current current = reads.current(recordId, expected);
            try {
                documents.remove(profiles, Keys.profile(recordId), current.cas());
            } catch (CasMismatchException changed) {
                if (expected != null) {
                    throw PreconditionFailedException.changedSince(recordId, expected);
                }
                continue;
            } catch (DocumentNotFoundException gone) {
                throw ProfileNotFoundException.noProfile(recordId);
            }
            Profile deleted = current.profile();
            if (deleted.picture() != null) {
                giveUp(() -> documents.removeIfPresent(images, Keys.image(deleted.picture())));
            }
            giveUp(() -> lookups.releaseUsername(deleted.userId(), recordId));
            if (deleted.nickname() != null) {
                giveUp(() -> nicknames.remove(deleted.nickname(), recordId));
            }
            return;
        }
        throw contended(recordId);
    }

    /** Adds the nickname's entry before the profile; on failure the claim is withdrawn (the profile was not written). */
    private void enterNickname(String nickname, long recordId, Lookups.Claim claim) {
        if (nickname == null) {
            return;
        }
        try {
            nicknames.add(nickname, recordId);
        } catch (RuntimeException e) {
            withdraw(claim, nickname, recordId);
            throw e;
        }
    }

    /**
     * After the profile was written: makes sure its nickname entry is still there (a repair
     * that found it stale before the profile existed may have removed it), and confirms the
     * username claim.
     *
     * @param undo takes the written profile back when the claim was lost; {@code null} to keep it
     * @throws StoreUnavailableException when the claim could not be confirmed yet (a repair
     *     goes on trying; the profile exists and reads find it), or was lost
     */
    private void settleEntries(Lookups.Claim claim, String nickname, long recordId, Runnable undo) {
        if (nickname != null) {
            try {
                if (!nicknames.names(nickname, recordId)) {
                    nicknames.add(nickname, recordId);
                }
            } catch (RuntimeException e) {
                repairs.later("enter a nickname", () -> nicknames.add(nickname, recordId));
            }
        }
        if (claim == null) {
            return;
        }
        boolean confirmed;
        try {
            confirmed = lookups.confirm(claim);
        } catch (RuntimeException e) {
            repairs.confirm(claim);
            throw new StoreUnavailableException("profile " + recordId + " was written but Couchbase did not confirm "
                    + "its username; it will be confirmed shortly", e);
        }
        if (!confirmed) {
            if (undo != null) {
                giveUp(undo);
            }
            throw new StoreUnavailableException("profile " + recordId + " was written after its username claim "
                    + "expired; try again");
        }
    }

    private void confirmOrLeave(Lookups.Claim claim) {
        try {
            lookups.confirm(claim);
        } catch (RuntimeException e) {
            repairs.confirm(claim);
        }
    }

    /** Withdraws the new entries of a write that certainly failed; what cannot be withdrawn expires or goes stale. */
    private void withdraw(Lookups.Claim claim, String nickname, long recordId) {
        if (claim != null) {
            giveUp(() -> lookups.release(claim));
        }
        if (nickname != null) {
            giveUp(() -> nicknames.remove(nickname, recordId));
        }
    }

    /** Removes an entry no profile needs any more: at once, or later by a repair. */
    private void giveUp(Runnable removal) {
        try {
            removal.run();
        } catch (RuntimeException e) {
            repairs.later("remove an entry no profile needs", removal);
        }
    }

    static StoreUnavailableException contended(long recordId) {
        return new StoreUnavailableException("profile " + recordId + " is changing too often; try again");
    }
}
