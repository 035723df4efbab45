package io.profilekit.core.couchbase;

/**
 * One of the {@link CouchbaseDoctor}'s checks, as it ended.
 *
 * @param name what was checked
 * @param status how it ended
 * @param detail what was found, or what to do
 */
public record DoctorCheck(String name, Status status, String detail) {

    /** How a check ended. */
    public enum Status {
        /** It passed. */
        OK,
        /** It failed: serving will fail too; the detail says what to do. */
        FAIL,
        /** It could not run here, or does not apply (no query service, an unencrypted address). */
        SKIP
    }
}
