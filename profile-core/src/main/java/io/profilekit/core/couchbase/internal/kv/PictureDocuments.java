package io.profilekit.core.couchbase.internal.kv;

import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import io.profilekit.core.ProfileJson;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.core.internal.Futures;
import io.profilekit.core.spi.LostRaceException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The picture protocol: an image document ({@code user_images:<id>}) linked from its profile's
 * {@code picture} field. A new picture is written before the link, and the link removed before
 * the picture, so a profile never links a picture that is not there. Every new picture gives
 * its profile a new version (CAS), so that the profile's version changes with its picture.
 */
public final class PictureDocuments {

    private final Collection profiles;
    private final Collection images;
    private final Documents documents;

    public PictureDocuments(Collection profiles, Collection images, Documents documents) {
        this.profiles = profiles;
        this.images = images;
        this.documents = documents;
    }

    public CompletableFuture<Optional<StoredPicture>> find(long pictureId) {
        return documents.get(images, Keys.image(pictureId)).thenApply(found -> found.map(got ->
                StoredPicture.ofJson(pictureId, got.contentAs(byte[].class), new Version(got.cas()))));
    }

    /** Writes the picture, then the profile that links it, if the profile is still at {@code current}'s CAS. */
    public CompletableFuture<StoredPicture> put(StoredProfile current, ProfilePicture picture) {
        long recordId = current.recordId();
        Long linked = current.profile().picture();
        long pictureId = linked != null ? linked : recordId;
        byte[] json = StoredPicture.of(pictureId, picture, new Version(0)).json();
        // Rewritten even when already linked: the profile's version covers its picture.
        byte[] profileJson = linked == null
                ? ProfileJson.toJson(current.profile().withPicture(pictureId))
                : current.json();
        return write(pictureId, json).thenCompose(cas -> Futures.then(
                documents.replace(profiles, Keys.profile(recordId), profileJson, current.version().value()),
                (profileCas, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(StoredPicture.ofJson(pictureId, json, new Version(cas)));
                    }
                    if (error instanceof CasMismatchException) {
                        throw LostRaceException.versionChanged(recordId);
                    }
                    if (error instanceof DocumentNotFoundException) {
                        return documents.removeIfPresent(images, Keys.image(pictureId)).thenApply(removed -> {
                            throw ProfileNotFoundException.noProfile(recordId);
                        });
                    }
                    return CompletableFuture.failedFuture(error);
                }));
    }

    /** Unlinks the picture from the profile, if it is still at {@code current}'s CAS, then removes it. */
    public CompletableFuture<Void> delete(StoredProfile current) {
        long recordId = current.recordId();
        long pictureId = current.profile().picture();
        byte[] unlinked = ProfileJson.toJson(current.profile().withPicture(null));
        return Futures.then(documents.replace(profiles, Keys.profile(recordId), unlinked, current.version().value()),
                (cas, error) -> {
                    if (error instanceof CasMismatchException) {
                        throw LostRaceException.versionChanged(recordId);
                    }
                    if (error instanceof DocumentNotFoundException) {
                        throw ProfileNotFoundException.noProfile(recordId);
                    }
                    if (error != null) {
                        return CompletableFuture.failedFuture(error);
                    }
                    return documents.removeIfPresent(images, Keys.image(pictureId));
                });
    }

    /** Writes the image document: an insert first (most pictures are new), a CAS replace of one that exists. */
    private CompletableFuture<Long> write(long pictureId, byte[] json) {
        String key = Keys.image(pictureId);
        return Futures.then(documents.insert(images, key, json), (cas, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(cas);
            }
            if (!(error instanceof DocumentExistsException)) {
                return CompletableFuture.failedFuture(error);
            }
            return documents.get(images, key).thenCompose(existing -> {
                if (existing.isEmpty()) {
                    throw LostRaceException.contended("picture " + pictureId);
                }
                return Futures.then(documents.replace(images, key, json, existing.get().cas()), (replaced, raced) -> {
                    if (raced instanceof CasMismatchException || raced instanceof DocumentNotFoundException) {
                        throw LostRaceException.contended("picture " + pictureId);
                    }
                    return raced == null ? CompletableFuture.completedFuture(replaced)
                            : CompletableFuture.failedFuture(raced);
                });
            });
        });
    }
}
