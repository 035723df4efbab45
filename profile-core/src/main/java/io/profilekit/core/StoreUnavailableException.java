package io.profilekit.core;

/**
 * The store did not answer in time or cannot be reached. The operation may be retried later.
 */
public class StoreUnavailableException extends ProfileException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
