package io.profilekit.core.couchbase;

import com.couchbase.client.core.deps.io.netty.handler.codec.http.HttpResponseStatus;
import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.HttpStatusCodeException;
import com.couchbase.client.core.error.context.ManagerErrorContext;
import com.couchbase.client.core.io.CollectionIdentifier;
import com.couchbase.client.core.io.netty.query.QueryErrorAnswers;
import com.couchbase.client.core.msg.CancellationReason;
import com.couchbase.client.core.msg.ResponseStatus;
import com.couchbase.client.core.msg.kv.GetRequest;
import com.couchbase.client.core.retry.BestEffortRetryStrategy;
import com.couchbase.client.core.retry.RetryReason;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * The SDK's exceptions for answers only a real cluster gives (CouchbaseMock has no
 * collections, SQL++ or RBAC), raised through the SDK's own code paths where it has one: a
 * request cancelled at its timeout after retries, a query error body, a management HTTP status.
 * Key-value answers the mock can give (no access, too big) are injected through its control API
 * instead ({@link MockCouchbase#control}).
 */
public final class ClusterAnswers {

    public static final CollectionIdentifier USER_DATA = new CollectionIdentifier("sample_app", Optional.of("profiles"),
            Optional.of("user_data"));

    private ClusterAnswers() {
    }

    /** A get that the SDK retried for {@code reasons} until its timeout, as it does for a missing collection. */
    public static CouchbaseException kvTimeoutAfterRetries(RetryReason... reasons) {
        GetRequest request = new GetRequest("lookup::user_id::ada", Duration.ofMillis(2500),
                MockCouchbase.cluster().core().context(), USER_DATA, BestEffortRetryStrategy.INSTANCE, null);
        for (RetryReason reason : reasons) {
            request.context().incrementRetryAttempts(Duration.ofMillis(100), reason);
        }
        request.cancel(CancellationReason.TIMEOUT);
        try {
            request.response().join();
            throw new AssertionError("a cancelled request completed");
        } catch (CompletionException e) {
            return (CouchbaseException) e.getCause();
        }
    }

    /** What the SDK raises for the query service's answer {@code code}. */
    public static CouchbaseException queryError(int httpStatus, int code, String message) {
        return QueryErrorAnswers.answer(httpStatus, code, message);
    }

    /** What a collection manager call raises when the cluster answers HTTP 403 (no RBAC role for it). */
    public static CouchbaseException managementForbidden() {
        String body = "{\"message\":\"Forbidden. User needs the following permissions\","
                + "\"permissions\":[\"cluster.collection[sample_app:profiles:.].collections!write\"]}";
        return new HttpStatusCodeException(HttpResponseStatus.FORBIDDEN, body, null,
                new ManagerErrorContext(ResponseStatus.NO_ACCESS, null, 403, body));
    }
}
