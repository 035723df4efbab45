package io.profilekit.core.spi;

/**
 * A store's conditional write found that another writer got in first: the profile's version
 * is no longer the one the write started from, or an entry the write needs kept changing.
 * Nothing was written. The repository decides what follows: a write that named the version it
 * expects fails with {@link io.profilekit.core.PreconditionFailedException}, any other reads
 * the profile again and retries, with one policy for every store.
 *
 * <p>Only stores throw it, and only the repository sees it.
 */
public final class LostRaceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean versionChanged;

    private LostRaceException(String message, boolean versionChanged) {
        super(message, null, false, false);
        this.versionChanged = versionChanged;
    }

    /** The profile is no longer at the version the write started from. */
    public static LostRaceException versionChanged(long recordId) {
        return new LostRaceException("profile " + recordId + " changed during the write", true);
    }

    /** Something the write depends on (a username's entry, say) kept changing under it. */
    public static LostRaceException contended(String what) {
        return new LostRaceException(what + " kept changing during the write", false);
    }

    /** Whether the profile itself changed (rather than an entry the write depends on). */
    public boolean versionChanged() {
        return versionChanged;
    }
}
