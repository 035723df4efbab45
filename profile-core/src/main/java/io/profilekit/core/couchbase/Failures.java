package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.AuthenticationFailureException;
import com.couchbase.client.core.error.BucketNotFoundException;
import com.couchbase.client.core.error.CollectionNotFoundException;
import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.IndexFailureException;
import com.couchbase.client.core.error.IndexNotFoundException;
import com.couchbase.client.core.error.PlanningFailureException;
import com.couchbase.client.core.error.RequestCanceledException;
import com.couchbase.client.core.error.ScopeNotFoundException;
import com.couchbase.client.core.error.TimeoutException;
import io.profilekit.core.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the SDK's errors into the repository's: whatever went wrong in the store, callers see
 * {@link StoreUnavailableException} with a message fit for a client, and the details go to
 * the log.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    static StoreUnavailableException unavailable(CouchbaseException error) {
        String message;
        if (error instanceof TimeoutException) {
            message = "Couchbase did not answer in time";
        } else if (error instanceof RequestCanceledException) {
            message = "the request to Couchbase was cancelled";
        } else if (error instanceof AuthenticationFailureException) {
            message = "Couchbase refused the configured credentials";
        } else if (error instanceof BucketNotFoundException || error instanceof ScopeNotFoundException
                || error instanceof CollectionNotFoundException) {
            message = "the configured Couchbase bucket, scope or collection does not exist; run init";
        } else if (error instanceof IndexNotFoundException || error instanceof IndexFailureException
                || error instanceof PlanningFailureException) {
            message = "Couchbase could not run a SQL++ statement; check that its query and index services "
                    + "run and that init created the indexes";
        } else {
            message = "Couchbase could not complete the request";
        }
        LOG.warn("{}: {}", message, error.toString());
        return new StoreUnavailableException(message, error);
    }
}
