package io.profilekit.core.couchbase.internal.kv;

import io.profilekit.core.StoreUnavailableException;

/**
 * A write whose outcome nobody can tell yet: the SDK gave up after sending it (a timeout, a
 * connection closed with it in flight, an ambiguous durable write) and reading the document back
 * failed too. It may have been applied; whatever it depends on (a username claim, a nickname
 * entry) must stay until it is settled.
 */
public final class UnsettledWriteException extends StoreUnavailableException {

    private static final long serialVersionUID = 1L;

    public UnsettledWriteException(Throwable cause) {
        super("Couchbase did not confirm a write and could not be asked whether it was applied; try again", cause);
    }
}
