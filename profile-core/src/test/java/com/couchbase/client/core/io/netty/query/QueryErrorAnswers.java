package com.couchbase.client.core.io.netty.query;

import com.couchbase.client.core.deps.io.netty.handler.codec.http.DefaultHttpResponse;
import com.couchbase.client.core.deps.io.netty.handler.codec.http.HttpResponseStatus;
import com.couchbase.client.core.deps.io.netty.handler.codec.http.HttpVersion;
import com.couchbase.client.core.error.CouchbaseException;
import java.nio.charset.StandardCharsets;

/**
 * The SDK's own mapping of a query service error body to an exception (package-private in the
 * SDK, reached from a test class in its package), so profilekit's tests raise exactly what a
 * real cluster's answer becomes.
 */
public final class QueryErrorAnswers {

    private QueryErrorAnswers() {
    }

    /** What the SDK raises when the query service answers {@code httpStatus} with this error. */
    public static CouchbaseException answer(int httpStatus, int code, String message) {
        String errors = "[{\"code\":" + code + ",\"msg\":\"" + message.replace("\"", "\\\"") + "\"}]";
        return QueryChunkResponseParser.errorsToThrowable(errors.getBytes(StandardCharsets.UTF_8),
                new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(httpStatus)), null);
    }
}
