package io.profilekit.core;

/**
 * An idempotency key was used again with another profile: nothing was written, and the
 * answer to the key's first use stands.
 */
public class IdempotencyKeyReusedException extends ProfileException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException() {
        super(Reason.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was used with another request body;"
                + " use a new key for a new request");
    }
}
