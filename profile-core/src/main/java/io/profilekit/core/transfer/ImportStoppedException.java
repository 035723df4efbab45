package io.profilekit.core.transfer;

import io.profilekit.core.ProfileException;

/**
 * An import stopped before the end of its file: the store failed (it could not be reached, or
 * refused for a reason its operator must fix) or the file broke off. Everything up to
 * {@link #resumeAfter()} is done; running the import again with that line skips it.
 */
public final class ImportStoppedException extends ProfileException {

    private static final long serialVersionUID = 1L;

    private final long resumeAfter;

    ImportStoppedException(Throwable cause, long resumeAfter) {
        super(cause instanceof ProfileException known ? known.reason() : Reason.UNAVAILABLE,
                "the import stopped: " + cause.getMessage() + "; every record up to line " + resumeAfter
                        + " is done, resume after it", cause);
        this.resumeAfter = resumeAfter;
    }

    /** The line up to which every record is done. */
    public long resumeAfter() {
        return resumeAfter;
    }
}
