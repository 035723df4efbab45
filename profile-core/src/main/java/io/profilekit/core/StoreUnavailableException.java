package io.profilekit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The store did not answer in time, cannot be reached, or did not confirm a write; or other
 * writers kept getting in first ({@link ProfileContendedException}). Transient: the same call
 * may succeed later, and {@link #retryAfter()} says when it is worth trying.
 */
public class StoreUnavailableException extends ProfileException {

    private static final long serialVersionUID = 1L;

    /** When to try again unless the store knows better: a second. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final Duration retryAfter;

    public StoreUnavailableException(String message) {
        this(message, null);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        this(Reason.UNAVAILABLE, message, cause, DEFAULT_RETRY_AFTER);
    }

    /** @param retryAfter when the store will next be tried; at least a second is advised */
    public StoreUnavailableException(String message, Throwable cause, Duration retryAfter) {
        this(Reason.UNAVAILABLE, message, cause, retryAfter);
    }

    protected StoreUnavailableException(Reason reason, String message, Throwable cause, Duration retryAfter) {
        super(reason, message, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long to wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
