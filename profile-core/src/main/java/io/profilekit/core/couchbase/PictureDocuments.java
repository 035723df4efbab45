package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.GetResult;
import io.profilekit.core.ProfileJson;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.Version;
import java.util.Optional;

/**
 * The picture protocol: an image document ({@code user_images:<id>}) linked from its profile's
 * {@code picture} field. A new picture is written before the link, and the link removed before
 * the picture, so a profile never links a picture that is not there. Every new picture gives
 * its profile a new version (CAS), so that the profile's version changes with its picture.
 */
final class PictureDocuments {

    private final Collection profiles;
    private final Collection images;
    private final Documents documents;
    private final ProfileReads reads;

    PictureDocuments(Collection profiles, Collection images, Documents documents, ProfileReads reads) {
        this.profiles = profiles;
        this.images = images;
        this.documents = documents;
        this.reads = reads;
    }

    Optional<StoredPicture> find(long pictureId) {
        return documents.get(images, Keys.image(pictureId))
                .map(found -> StoredPicture.ofJson(pictureId, found.contentAs(byte[].class), new Version(found.cas())));
    }

    StoredPicture put(long recordId, ProfilePicture picture) {
        for (int attempt = 0; attempt < ProfileWrites.RACE_ATTEMPTS; attempt++) {
            ProfileReads.Current current = reads.current(recordId, null);
            Long linked = current.profile().picture();
            long pictureId = linked != null ? linked : recordId;
            byte[] json = StoredPicture.of(pictureId, picture, new Version(0)).json();
            long cas = write(pictureId, json);
            // Rewritten even when already linked: the profile's version covers its picture.
            byte[] profileJson = linked == null
                    ? ProfileJson.toJson(current.profile().withPicture(pictureId))
                    : current.stored().json();
            try {
                documents.replace(profiles, Keys.profile(recordId), profileJson, current.cas());
            } catch (CasMismatchException changed) {
                continue;
            } catch (DocumentNotFoundException gone) {
                documents.removeIfPresent(images, Keys.image(pictureId));
                throw ProfileNotFoundException.noProfile(recordId);
            }
            return StoredPicture.ofJson(pictureId, json, new Version(cas));
        }
        throw ProfileWrites.contended(recordId);
    }

    void delete(long recordId) {
        for (int attempt = 0; attempt < ProfileWrites.RACE_ATTEMPTS; attempt++) {
            ProfileReads.Current current = reads.current(recordId, null);
            Long pictureId = current.profile().picture();
            if (pictureId == null) {
                throw ProfileNotFoundException.noPicture(recordId);
            }
            byte[] unlinked = ProfileJson.toJson(current.profile().withPicture(null));
            try {
                documents.replace(profiles, Keys.profile(recordId), unlinked, current.cas());
            } catch (CasMismatchException changed) {
                continue;
            } catch (DocumentNotFoundException gone) {
                throw ProfileNotFoundException.noProfile(recordId);
            }
            documents.removeIfPresent(images, Keys.image(pictureId));
            return;
        }
        throw ProfileWrites.contended(recordId);
    }

    /** Writes the image document: an insert first (most pictures are new), a CAS replace of one that exists. */
    private long write(long pictureId, byte[] json) {
        String key = Keys.image(pictureId);
        for (int attempt = 0; attempt < ProfileWrites.RACE_ATTEMPTS; attempt++) {
            try {
                return documents.insert(images, key, json);
            } catch (DocumentExistsException exists) {
                Optional<GetResult> existing = documents.get(images, key);
                if (existing.isEmpty()) {
                    continue;
                }
                try {
                    return documents.replace(images, key, json, existing.get().cas());
                } catch (CasMismatchException | DocumentNotFoundException raced) {
                    // another writer got there between the read and the write: try again
                }
            }
        }
        throw new StoreUnavailableException("picture " + pictureId + " is changing too often; try again");
    }
}
