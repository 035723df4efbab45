package io.profilekit.core;

import java.util.Objects;

/**
 * Base of every error a {@link ProfileRepository} raises, so callers handle one family of
 * exceptions whatever store backs the repository and never see a backend's own types. Its
 * {@link #reason()} says what went wrong in a form a program can switch on (an HTTP layer maps
 * each reason to one status), and whether a retry can help.
 *
 * <p>Messages name the profile, field or store setting concerned and never carry secrets,
 * stack details or backend class names.
 */
public abstract class ProfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong; each subclass has one or two. */
    public enum Reason {
        /** The profile or picture asked for does not exist. */
        NOT_FOUND(false),
        /** A record id or username is taken by another profile. */
        CONFLICT(false),
        /** The stored version is not the one the caller expected. */
        PRECONDITION_FAILED(false),
        /** A well-formed profile breaks a rule (a missing username, a bad e-mail). */
        INVALID(false),
        /** The input is not well-formed (not JSON, or beyond the parser's limits). */
        MALFORMED(false),
        /** The profile or picture is larger than the store accepts. */
        TOO_LARGE(false),
        /** The bytes offered as a picture are no image format profilekit stores. */
        UNSUPPORTED_PICTURE(false),
        /** A person tried to change a field only services may change. */
        READ_ONLY_FIELD(false),
        /** An idempotency key was used again with a different request. */
        IDEMPOTENCY_KEY_REUSED(false),
        /** Other writers kept changing the profile; trying again soon is likely to work. */
        CONTENDED(true),
        /** The store is down, slow, or did not confirm a write; trying again later may work. */
        UNAVAILABLE(true),
        /**
         * The store refuses for a reason only an operator can fix: credentials, permissions, a
         * missing bucket, scope, collection or index.
         */
        STORE_MISCONFIGURED(false),
        /** The store lacks a service this operation needs (a cluster without a query service, say). */
        STORE_LACKS_SERVICE(false);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether the same call may succeed if made again later, unchanged. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Reason reason;

    protected ProfileException(Reason reason, String message) {
        this(reason, message, null);
    }

    protected ProfileException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }

    /** Whether the same call may succeed if made again later, unchanged: {@code reason().isTransient()}. */
    public boolean isTransient() {
        return reason.isTransient();
    }
}
