package io.profilekit.core.transfer;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.ProfileWalk;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Writes every profile as NDJSON, in record id order: each stored document as it is stored, one
 * per line, so that {@link ImportFormat#NDJSON} reads it back to the same bytes; with pictures,
 * each profile's picture on the line after it ({@link PictureLines}). Profiles are read a page at
 * a time by a {@link ProfileWalk} (on Couchbase, a KV range scan where the cluster has one, else
 * SQL++); {@code after} resumes a stopped export.
 */
public final class ProfileExport {

    private final ProfileRepository repository;
    private final boolean pictures;

    /** An export of profiles without their pictures. */
    public ProfileExport(ProfileRepository repository) {
        this(repository, false);
    }

    /** @param pictures whether each profile's picture follows it */
    public ProfileExport(ProfileRepository repository, boolean pictures) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.pictures = pictures;
    }

    /**
     * Writes the profiles with record ids above {@code after} to {@code out}, telling
     * {@code written} the last record id of each page written.
     *
     * @return how many profiles were written
     */
    public long write(OutputStream out, long after, LongConsumer written) throws IOException {
        long count = 0;
        ProfileWalk walk = repository.walk(after);
        for (List<StoredProfile> page = walk.next(); !page.isEmpty(); page = walk.next()) {
            for (StoredProfile stored : page) {
                stored.writeJson(out);
                out.write('\n');
                if (pictures && stored.profile().picture() != null) {
                    Optional<StoredPicture> picture = repository.findPicture(stored.profile().picture());
                    if (picture.isPresent()) {
                        PictureLines.write(out, stored.recordId(), picture.get());
                    }
                }
                count++;
            }
            out.flush();
            written.accept(page.get(page.size() - 1).recordId());
        }
        return count;
    }
}
