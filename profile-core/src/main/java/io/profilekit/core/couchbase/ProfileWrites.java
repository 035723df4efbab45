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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, replaces and deletes profiles with their lookup entries: entries are written before
 * the profile and removed after it (and undone when the profile write fails), so a reader never
 * misses a profile that exists and a crash leaves at worst a stale entry that reads ignore.
 * Creates insert; replaces and deletes name the CAS they read.
 */
final class ProfileWrites {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileWrites.class);

    /** Attempts at a server-assigned record id before concluding the counter is behind. */
    private static final int ID_ATTEMPTS = 64;
    /** Attempts at an unconditional write that keeps losing races to other writers. */
    static final int RACE_ATTEMPTS = 16;

    private final Collection profiles;
    private final Collection images;
    private final Documents documents;
    private final Lookups lookups;
    private final ProfileReads reads;
    private final RecordIdCounter counter;

    ProfileWrites(Collection profiles, Collection images, Documents documents, Lookups lookups, ProfileReads reads,
            RecordIdCounter counter) {
        this.profiles = profiles;
        this.images = images;
        this.documents = documents;
        this.lookups = lookups;
        this.reads = reads;
        this.counter = counter;
    }

    StoredProfile create(Profile profile) {
        ProfileRules.checkWritable(profile);
        boolean assigned = profile.recordId() == null;
        for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
            long recordId = assigned ? counter.next() : profile.recordId();
            Profile withId = profile.withRecordId(recordId);
            byte[] json = ProfileJson.toJson(withId);
            lookups.claimUsername(withId.userId(), recordId, reads::holdsUsername);
            boolean written = false;
            try {
                if (withId.nickname() != null) {
                    lookups.addNickname(withId.nickname(), recordId);
                }
                long cas = documents.insert(profiles, Keys.profile(recordId), json);
                written = true;
                if (!assigned) {
                    counter.raiseTo(recordId);
                }
                return StoredProfile.ofJson(recordId, json, new Version(cas));
            } catch (DocumentExistsException idTaken) {
                if (!assigned) {
                    throw ProfileConflictException.recordIdTaken(recordId);
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

    StoredProfile replace(Profile profile, Version expected) {
        ProfileRules.checkReplaceable(profile);
        long recordId = profile.recordId();
        byte[] json = ProfileJson.toJson(profile);
        for (int attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
            ProfileReads.Current current = reads.current(recordId, expected);
            Profile previous = current.profile();
            boolean renamed = !profile.userId().equals(previous.userId());
            boolean renicknamed = profile.nickname() != null && !profile.nickname().equals(previous.nickname());
            if (renamed) {
                lookups.claimUsername(profile.userId(), recordId, reads::holdsUsername);
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
                    throw PreconditionFailedException.changedSince(recordId, expected);
                }
            } catch (DocumentNotFoundException gone) {
                throw ProfileNotFoundException.noProfile(recordId);
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
                documents.removeIfPresent(images, Keys.image(deleted.picture()));
            }
            undoLookups(deleted, recordId);
            return;
        }
        throw contended(recordId);
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

    static StoreUnavailableException contended(long recordId) {
        return new StoreUnavailableException("profile " + recordId + " is changing too often; try again");
    }
}
