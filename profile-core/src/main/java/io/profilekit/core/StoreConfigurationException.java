package io.profilekit.core;

/**
 * The store refuses for a reason a retry does not fix: credentials it does not accept, a
 * permission the user lacks, a bucket, scope, collection or index that does not exist
 * ({@link Reason#STORE_MISCONFIGURED}), or a service the operation needs that the store does
 * not run ({@link Reason#STORE_LACKS_SERVICE}). The message says what an operator should do.
 */
public class StoreConfigurationException extends ProfileException {

    private static final long serialVersionUID = 1L;

    private StoreConfigurationException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }

    /** Credentials, permissions or keyspace are wrong: {@link Reason#STORE_MISCONFIGURED}. */
    public static StoreConfigurationException misconfigured(String message, Throwable cause) {
        return new StoreConfigurationException(Reason.STORE_MISCONFIGURED, message, cause);
    }

    /** The store runs no service for this operation: {@link Reason#STORE_LACKS_SERVICE}. */
    public static StoreConfigurationException lacksService(String message, Throwable cause) {
        return new StoreConfigurationException(Reason.STORE_LACKS_SERVICE, message, cause);
    }
}
