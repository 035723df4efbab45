package io.profilekit.bench;

import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.AsyncCollection;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import com.couchbase.client.java.codec.RawBinaryTranscoder;
import com.couchbase.client.java.kv.GetOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * The ceiling of the Couchbase path: a bare Jetty 12 handler that answers
 * {@code GET /api/v1/id/{id}} as profilekit does over Couchbase, with the least work that
 * route needs: the bearer token checked in constant time, one asynchronous key-value get of the
 * stored document, its bytes wrapped in the seed's array. No servlets, no metrics, no thread
 * waiting on the network. Whatever profilekit does on that route costs the distance to this.
 *
 * <pre>java -cp profile-bench.jar io.profilekit.bench.CouchbaseCeilingServer PORT TOKEN</pre>
 *
 * The cluster comes from profilekit's own variables ({@code PROFILE_DB_CONNECTION_STRING},
 * {@code _USERNAME}, {@code _PASSWORD}, {@code _BUCKET}, {@code _SCOPE},
 * {@code _PROFILES_COLLECTION}), so that both read the same documents.
 */
public final class CouchbaseCeilingServer extends Handler.Abstract.NonBlocking {

    private static final String ROUTE = "/api/v1/id/";
    /** The seed's key of a profile document: {@code user_data:<record_id>}. */
    private static final String KEY_PREFIX = "user_data:";
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final GetOptions RAW = GetOptions.getOptions().transcoder(RawBinaryTranscoder.INSTANCE);

    private final AsyncCollection profiles;
    private final byte[] expected;

    CouchbaseCeilingServer(AsyncCollection profiles, String token) {
        this.profiles = profiles;
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (path.equals("/healthz")) {
            return answer(response, callback, 200);
        }
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization == null
                || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.US_ASCII))) {
            return answer(response, callback, 401);
        }
        if (!path.startsWith(ROUTE) || !path.substring(ROUTE.length()).matches("[1-9][0-9]{0,18}")) {
            return answer(response, callback, 404);
        }
        profiles.get(KEY_PREFIX + path.substring(ROUTE.length()), RAW).whenComplete((document, failure) -> {
            if (failure == null) {
                byte[] json = document.contentAsBytes();
                ByteBuffer body = ByteBuffer.allocate(json.length + 2);
                body.put((byte) '[').put(json).put((byte) ']').flip();
                response.setStatus(200);
                response.getHeaders().put(JSON);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
                response.write(true, body, callback);
            } else {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                answer(response, callback, cause instanceof DocumentNotFoundException ? 404 : 503);
            }
        });
        return true;
    }

    private static boolean answer(Response response, Callback callback, int status) {
        response.setStatus(status);
        response.write(true, null, callback);
        return true;
    }

    /** Starts the ceiling on {@code port} over {@code profiles}. */
    static Server start(int port, AsyncCollection profiles, String token) throws Exception {
        return CeilingServer.serve(port, new CouchbaseCeilingServer(profiles, token));
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Cluster cluster = Cluster.connect(System.getenv("PROFILE_DB_CONNECTION_STRING"),
                ClusterOptions.clusterOptions(System.getenv("PROFILE_DB_USERNAME"), System.getenv("PROFILE_DB_PASSWORD")));
        String bucket = variable("PROFILE_DB_BUCKET", "sample_app");
        cluster.bucket(bucket).waitUntilReady(Duration.ofSeconds(30));
        AsyncCollection profiles = cluster.bucket(bucket).scope(variable("PROFILE_DB_SCOPE", "profiles"))
                .collection(variable("PROFILE_DB_PROFILES_COLLECTION", "user_data")).async();
        Server server = start(port, profiles, args[1]);
        System.out.println("couchbase ceiling listening on " + port);
        server.join();
    }

    private static String variable(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
