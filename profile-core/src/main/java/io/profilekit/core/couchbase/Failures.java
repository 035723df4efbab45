package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.AuthenticationFailureException;
import com.couchbase.client.core.error.BucketNotFoundException;
import com.couchbase.client.core.error.CollectionNotFoundException;
import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.FeatureNotAvailableException;
import com.couchbase.client.core.error.IndexFailureException;
import com.couchbase.client.core.error.IndexNotFoundException;
import com.couchbase.client.core.error.PlanningFailureException;
import com.couchbase.client.core.error.RequestCanceledException;
import com.couchbase.client.core.error.ScopeNotFoundException;
import com.couchbase.client.core.error.TimeoutException;
import com.couchbase.client.core.error.ValueTooLargeException;
import com.couchbase.client.core.error.context.ErrorContext;
import com.couchbase.client.core.error.context.KeyValueErrorContext;
import com.couchbase.client.core.error.context.ManagerErrorContext;
import com.couchbase.client.core.error.context.QueryErrorContext;
import com.couchbase.client.core.io.CollectionIdentifier;
import com.couchbase.client.core.msg.ResponseStatus;
import com.couchbase.client.core.msg.kv.KeyValueRequest;
import com.couchbase.client.core.retry.RetryReason;
import io.profilekit.core.ProfileException;
import io.profilekit.core.ProfileTooLargeException;
import io.profilekit.core.StoreUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the SDK's errors into the repository's, each with a message that says what the
 * cluster's answer means and what to do: a collection that is missing (the SDK only times
 * out), a permission the user lacks (the SDK calls a missing query privilege an
 * authentication failure), credentials refused, a document too large. Whatever the cause, the
 * log line names no document key, so no username, nickname or e-mail.
 */
final class Failures {

    /** The query service's code for "the user lacks a privilege for this statement". */
    static final int QUERY_PRIVILEGE_MISSING = 13014;

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private final String user;

    /** @param username the cluster user the messages name; {@code null} when unknown */
    Failures(String username) {
        this.user = username == null ? "the Couchbase user" : "user '" + username + "'";
    }

    /** The user as messages name it: {@code user 'name'}. */
    String user() {
        return user;
    }

    /** The repository's exception for {@code error}; logged once at WARN, keys left out. */
    ProfileException translate(CouchbaseException error) {
        ProfileException translated = error instanceof ValueTooLargeException
                ? new ProfileTooLargeException("the profile or picture is larger than the store accepts (20 MiB)", error)
                : new StoreUnavailableException(message(error), error);
        LOG.warn("{} ({})", translated.getMessage(), describe(error));
        return translated;
    }

    /**
     * The exception for a write the SDK gave up on and that could not be read back either;
     * logged once, like every other failure.
     */
    UnsettledWriteException unsettled(CouchbaseException ambiguous) {
        UnsettledWriteException unsettled = new UnsettledWriteException(ambiguous);
        LOG.warn("{} ({})", unsettled.getMessage(), describe(ambiguous));
        return unsettled;
    }

    private String message(CouchbaseException error) {
        if (error instanceof TimeoutException timeout) {
            Set<RetryReason> reasons = retryReasons(timeout);
            if (reasons.contains(RetryReason.COLLECTION_NOT_FOUND)) {
                return missingCollection(timeout);
            }
            if (reasons.contains(RetryReason.AUTHENTICATION_ERROR)) {
                return "Couchbase refused the credentials of " + user;
            }
            return "Couchbase did not answer in time";
        }
        if (error instanceof RequestCanceledException) {
            return "the request to Couchbase was cancelled";
        }
        Optional<Integer> queryCode = queryErrorCode(error);
        if (queryCode.isPresent() && queryCode.get() == QUERY_PRIVILEGE_MISSING) {
            return user + " lacks a query privilege for this statement (" + queryErrorMessage(error)
                    + "): grant the roles in docs/couchbase.md";
        }
        if (isKeyValueNoAccess(error)) {
            boolean read = String.valueOf(export(error.context()).get("requestType")).startsWith("Get");
            return user + " may not " + (read ? "read" : "write") + " documents in " + serviceKeyspace(error)
                    + ": grant it the " + (read ? "Data Reader" : "Data Writer") + " role";
        }
        if (httpStatus(error) == 403) {
            return user + " may not manage scopes and collections, or create indexes, here: "
                    + "an administrator runs init, or grants the roles in docs/couchbase.md";
        }
        if (error instanceof AuthenticationFailureException) {
            return "Couchbase refused the credentials of " + user;
        }
        if (error instanceof BucketNotFoundException || error instanceof ScopeNotFoundException
                || error instanceof CollectionNotFoundException) {
            return "the configured Couchbase bucket, scope or collection does not exist: run init";
        }
        if (error instanceof FeatureNotAvailableException) {
            return "this Couchbase cluster lacks a feature profilekit needs: " + error.getMessage();
        }
        if (error instanceof IndexNotFoundException || error instanceof IndexFailureException
                || error instanceof PlanningFailureException) {
            return "Couchbase could not run a SQL++ statement" + queryErrorCode(error).map(code -> " (" + code + ": "
                    + queryErrorMessage(error) + ")").orElse("") + ": check that the cluster runs the query and index "
                    + "services, and that init created the indexes";
        }
        return "Couchbase could not complete the request";
    }

    private String missingCollection(TimeoutException timeout) {
        String where = "the configured scope or collection";
        if (timeout.context().requestContext().request() instanceof KeyValueRequest<?> request) {
            CollectionIdentifier id = request.collectionIdentifier();
            where = "collection '" + id.scope().orElse("_default") + "." + id.collection().orElse("_default")
                    + "' in bucket '" + id.bucket() + "'";
        }
        return where + " does not exist, or " + user + " has no role on it: run init";
    }

    private static Set<RetryReason> retryReasons(TimeoutException timeout) {
        return timeout.context() == null || timeout.context().requestContext() == null
                ? Set.of() : timeout.retryReasons();
    }

    static Optional<Integer> queryErrorCode(CouchbaseException error) {
        if (error.context() instanceof QueryErrorContext query && !query.errors().isEmpty()) {
            return Optional.of(query.errors().get(0).code());
        }
        return Optional.empty();
    }

    /** The first query error's message, or {@code null} when {@code error} is not a query's. */
    static String queryErrorMessage(CouchbaseException error) {
        if (error.context() instanceof QueryErrorContext query && !query.errors().isEmpty()) {
            return query.errors().get(0).message();
        }
        return null;
    }

    private static boolean isKeyValueNoAccess(CouchbaseException error) {
        return error.context() instanceof KeyValueErrorContext
                && error.context().responseStatus() == ResponseStatus.NO_ACCESS;
    }

    private static String serviceKeyspace(CouchbaseException error) {
        if (export(error.context()).get("service") instanceof Map<?, ?> service) {
            return service.get("bucket") + "." + service.get("scope") + "." + service.get("collection");
        }
        return "this collection";
    }

    /** The HTTP status of a management request that failed, or 0. */
    static int httpStatus(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CouchbaseException couchbase
                    && couchbase.context() instanceof ManagerErrorContext manager) {
                return manager.httpStatus();
            }
        }
        return 0;
    }

    private static Map<String, Object> export(ErrorContext context) {
        return context == null ? Map.of() : context.exportAsMap();
    }

    /** The error's kind, status and retry reasons: what the log needs, without the document key. */
    private static String describe(CouchbaseException error) {
        StringBuilder text = new StringBuilder(error.getClass().getSimpleName());
        if (error.context() != null && error.context().responseStatus() != null) {
            text.append(", status ").append(error.context().responseStatus());
        }
        queryErrorCode(error).ifPresent(code -> text.append(", query error ").append(code));
        if (httpStatus(error) != 0) {
            text.append(", HTTP ").append(httpStatus(error));
        }
        if (error instanceof TimeoutException timeout && !retryReasons(timeout).isEmpty()) {
            text.append(", retried for ").append(retryReasons(timeout));
        }
        return text.toString();
    }
}
