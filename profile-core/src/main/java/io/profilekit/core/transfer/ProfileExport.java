package io.profilekit.core.transfer;

import io.profilekit.core.Page;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Writes every profile as NDJSON, in record id order: each stored document as it is stored, one
 * per line, so that {@link ImportFormat#NDJSON} reads it back to the same bytes; with pictures,
 * each profile's picture on the line after it ({@link PictureLines}). Profiles are read a page at
 * a time (the store's listing: on Couchbase, SQL++), so memory stays flat whatever the count;
 * {@code after} resumes a stopped export.
 */
public final class ProfileExport {

    private static final int PAGE = ProfileQuery.MAX_LIMIT;

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
        long cursor = after;
        while (true) {
            Page<StoredProfile> page = repository.list(ProfileQuery.first(PAGE).withAfter(cursor));
            for (StoredProfile stored : page.items()) {
                stored.writeJson(out);
                out.write('\n');
                if (pictures && stored.profile().picture() != null) {
                    Optional<StoredPicture> picture = repository.findPicture(stored.profile().picture());
                    if (picture.isPresent()) {
                        PictureLines.write(out, stored.recordId(), picture.get());
                    }
                }
                count++;
                cursor = stored.recordId();
            }
            out.flush();
            written.accept(cursor);
            if (!page.hasNext()) {
                return count;
            }
            cursor = page.next().getAsLong();
        }
    }
}
