package io.profilekit.examples;

import io.profilekit.core.PreconditionFailedException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.spi.ProfileStore;
import io.profilekit.server.settings.Settings;
import io.profilekit.server.settings.StoreSettings;
import java.io.PrintStream;
import java.util.Base64;

/**
 * Using {@link ProfileRepository} from plain Java: create a profile, read it back by id and by
 * username, update it only if nobody changed it meanwhile, and give it a picture.
 *
 * <p>Runs on the in-memory repository, or on Couchbase when {@code PROFILE_DB_CONNECTION_STRING}
 * is set (with {@code PROFILE_DB_USERNAME}, {@code PROFILE_DB_PASSWORD} and, optionally, the
 * keyspace's {@code PROFILE_DB_*} names). Both keep the same contract: code written against
 * the interface runs unchanged on either.
 */
public final class RepositoryBasics {

    /** A 1x1 PNG, standing in for a user's upload. */
    private static final byte[] PICTURE = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private RepositoryBasics() {
    }

    public static void main(String[] args) {
        try (ProfileRepository repository = open()) {
            run(repository, "ada" + System.currentTimeMillis() % 100_000, System.out);
        }
    }

    /**
     * The cluster the {@code PROFILE_DB_*} variables name, read as profile-server.jar reads
     * them; else a fresh in-memory repository.
     */
    static ProfileRepository open() {
        return ProfileRepository.of(StoreSettings.from(Settings.fromSystem()).couchbase()
                .<ProfileStore>map(CouchbaseProfileStore::connect)
                .orElseGet(InMemoryProfileStore::new));
    }

    /** Every step, for a new user called {@code username}; returns the profile's record id. */
    static long run(ProfileRepository repository, String username, PrintStream out) {
        // Create: the repository assigns the record id and the first version.
        StoredProfile created = repository.create(Profile.builder()
                .userId(username)
                .name("Ada Lovelace")
                .nickname("alovelace")
                .email(username + "@example.com")
                .build());
        out.println("created record " + created.recordId() + " at version " + created.version());

        // Read: by id (one lookup) or by the unique username.
        Profile ada = repository.findByUsername(username).orElseThrow().profile();
        out.println("found " + ada.name() + " <" + ada.email() + ">");

        // Update only if the profile is still at the version we read.
        StoredProfile updated = repository.replace(
                ada.toBuilder().city("London").build(), created.version());
        out.println("updated to version " + updated.version());

        // A second writer still holding the old version is refused, not silently overwritten.
        try {
            repository.replace(ada.toBuilder().city("Paris").build(), created.version());
        } catch (PreconditionFailedException e) {
            out.println("stale update refused: " + e.getMessage());
        }

        // Pictures are checked by their magic bytes and linked from the profile.
        StoredPicture picture = repository.putPicture(created.recordId(), ProfilePicture.of(PICTURE));
        out.println("picture " + picture.recordId() + " is " + picture.mediaType() + ", "
                + picture.imageLength() + " bytes");
        out.println("city is now " + repository.findById(created.recordId()).orElseThrow().profile().city());
        return created.recordId();
    }
}
