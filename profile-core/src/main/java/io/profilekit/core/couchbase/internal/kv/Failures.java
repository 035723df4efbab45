package io.profilekit.core.couchbase.internal.kv;

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
import com.couchbase.client.core.error.ServiceNotAvailableException;
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
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.internal.Futures;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the SDK's errors into the repository's, each with a message that says what the
 * cluster's answer means and what to do, and sorted into what a retry can fix (the cluster is
 * slow or down: {@link StoreUnavailableException}) and what only an operator can
 * ({@link StoreConfigurationException}): a collection that is missing (the SDK only times out),
 * a permission the user lacks (the SDK calls a missing query privilege an authentication
 * failure), credentials refused, a service the cluster does not run. Whatever the cause, the
 * log line names no document key, so no username, nickname or e-mail.
 */
public final class Failures {

    /** The query service's code for "the user lacks a privilege for this statement". */
    public static final int QUERY_PRIVILEGE_MISSING = 13014;

    /** The query service's code for "keyspace not found". */
    public static final int KEYSPACE_NOT_FOUND = 12003;

    /**
     * What a cluster whose query service cannot see the bucket at all is told: a real query
     * service names the keyspace it did not find in its datastore; CouchbaseMock's names none.
     */
    static final String NO_QUERY_SERVICE = "this Couchbase cluster has no working query service (it cannot find the"
            + " bucket, as on CouchbaseMock): listing all profiles, or by e-mail, needs the query and index services";

    /** What init tells an operator to run when something it creates is missing. */
    public static final String RUN_INIT = "run init (java -jar profile-server.jar init) with a user that may create them";

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private final String user;

    /** @param username the cluster user the messages name; blank when unknown */
    public Failures(String username) {
        this.user = username.isBlank() ? "the Couchbase user" : "user '" + username + "'";
    }

    /** The user as messages name it: {@code user 'name'}. */
    public String user() {
        return user;
    }

    /**
     * The repository's exception for a failure of an SDK operation; logged once at WARN, keys
     * left out. A failure that already is the repository's passes unchanged.
     */
    public RuntimeException translate(Throwable failure) {
        Throwable error = Futures.unwrap(failure);
        if (error instanceof ProfileException known) {
            return known;
        }
        if (!(error instanceof CouchbaseException couchbase)) {
            return Futures.rethrow(error);
        }
        ProfileException translated = exception(couchbase);
        LOG.warn("{} ({})", translated.getMessage(), describe(couchbase));
        return translated;
    }

    /**
     * The exception for a write the SDK gave up on and that could not be read back either;
     * logged once, like every other failure.
     */
    public UnsettledWriteException unsettled(CouchbaseException ambiguous) {
        UnsettledWriteException unsettled = new UnsettledWriteException(ambiguous);
        LOG.warn("{} ({})", unsettled.getMessage(), describe(ambiguous));
        return unsettled;
    }

    private ProfileException exception(CouchbaseException error) {
        if (error instanceof ValueTooLargeException) {
            return new ProfileTooLargeException("the profile or picture is larger than the store accepts (20 MiB)",
                    error);
        }
        if (error instanceof TimeoutException timeout) {
            Set<RetryReason> reasons = retryReasons(timeout);
            if (reasons.contains(RetryReason.COLLECTION_NOT_FOUND)) {
                return StoreConfigurationException.misconfigured(missingCollection(timeout), error);
            }
            if (reasons.contains(RetryReason.AUTHENTICATION_ERROR)) {
                return StoreConfigurationException.misconfigured(credentialsRefused(), error);
            }
            return new StoreUnavailableException("Couchbase did not answer in time", error);
        }
        if (error instanceof RequestCanceledException) {
            return new StoreUnavailableException("the request to Couchbase was cancelled", error);
        }
        if (error instanceof ServiceNotAvailableException || error instanceof FeatureNotAvailableException) {
            return StoreConfigurationException.lacksService("this Couchbase cluster does not run the service or"
                    + " feature this needs (" + withoutContext(error.getMessage()) + ")", error);
        }
        if (queryErrorCode(error).filter(code -> code == KEYSPACE_NOT_FOUND).isPresent()
                && !String.valueOf(queryErrorMessage(error)).contains("datastore")) {
            return StoreConfigurationException.lacksService(NO_QUERY_SERVICE, error);
        }
        String misconfigured = misconfiguration(error);
        return misconfigured != null ? StoreConfigurationException.misconfigured(misconfigured, error)
                : new StoreUnavailableException("Couchbase could not complete the request", error);
    }

    /** What an operator must fix, or {@code null} when the failure is not theirs to fix. */
    private String misconfiguration(CouchbaseException error) {
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
            return credentialsRefused();
        }
        if (error instanceof BucketNotFoundException || error instanceof ScopeNotFoundException
                || error instanceof CollectionNotFoundException) {
            return "the configured Couchbase bucket, scope or collection does not exist: " + RUN_INIT;
        }
        if (error instanceof IndexNotFoundException || error instanceof IndexFailureException
                || error instanceof PlanningFailureException) {
            return "Couchbase could not run a SQL++ statement" + queryCode.map(code -> " (" + code + ": "
                    + queryErrorMessage(error) + ")").orElse("") + ": its index is missing or not built; " + RUN_INIT;
        }
        return null;
    }

    private String credentialsRefused() {
        return "Couchbase refused the credentials of " + user + ": check the username and password";
    }

    private String missingCollection(TimeoutException timeout) {
        String where = "the configured scope or collection";
        if (timeout.context().requestContext().request() instanceof KeyValueRequest<?> request) {
            CollectionIdentifier id = request.collectionIdentifier();
            where = "collection '" + id.scope().orElse("_default") + "." + id.collection().orElse("_default")
                    + "' in bucket '" + id.bucket() + "'";
        }
        return where + " does not exist, or " + user + " has no role on it: " + RUN_INIT;
    }

    /** Why the SDK retried a request before it timed out. */
    public static Set<RetryReason> retryReasons(TimeoutException timeout) {
        return timeout.context() == null || timeout.context().requestContext() == null
                ? Set.of() : timeout.retryReasons();
    }

    /** The first query error's code, if {@code error} is a query's. */
    public static Optional<Integer> queryErrorCode(CouchbaseException error) {
        if (error.context() instanceof QueryErrorContext query && !query.errors().isEmpty()) {
            return Optional.of(query.errors().get(0).code());
        }
        return Optional.empty();
    }

    /** The first query error's message, or {@code null} when {@code error} is not a query's. */
    public static String queryErrorMessage(CouchbaseException error) {
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
    public static int httpStatus(Throwable error) {
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

    /** The SDK's message without the request context it appends (which may name a document key). */
    private static String withoutContext(String message) {
        if (message == null) {
            return "no detail";
        }
        int context = message.indexOf(" {");
        return context < 0 ? message : message.substring(0, context);
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
