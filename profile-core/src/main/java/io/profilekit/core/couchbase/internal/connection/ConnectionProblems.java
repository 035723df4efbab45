package io.profilekit.core.couchbase.internal.connection;

import com.couchbase.client.core.cnc.Event;
import com.couchbase.client.core.cnc.events.config.BucketOpenRetriedEvent;
import com.couchbase.client.core.cnc.events.config.CollectionMapRefreshFailedEvent;
import com.couchbase.client.core.cnc.events.endpoint.EndpointConnectionFailedEvent;
import com.couchbase.client.core.cnc.events.io.SaslAuthenticationFailedEvent;
import com.couchbase.client.core.cnc.events.io.SelectBucketFailedEvent;
import com.couchbase.client.core.error.NoAccessDuringConfigLoadException;
import com.couchbase.client.core.io.CollectionIdentifier;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * What the SDK's event bus said went wrong while connecting: the SDK retries all of it until
 * its timeout and then names none of it, so profilekit listens and names the most telling
 * problem itself. Thread-safe; events arrive on the SDK's threads.
 */
public final class ConnectionProblems implements Consumer<Event> {

    /** What kept the connection from becoming usable, the most telling first. */
    enum Problem {
        /** The cluster refused the username and password (SASL). */
        CREDENTIALS_REFUSED,
        /** The bucket does not exist, or the user has no role on it. */
        BUCKET_DENIED,
        /** The TLS handshake failed: most often a CA certificate that is not trusted. */
        TLS_FAILED,
        /** Nothing answered at the address, or the name does not resolve. */
        UNREACHABLE
    }

    private static final Pattern REFUSED = Pattern.compile("Connection refused: (\\S+)");

    private final Map<Problem, String> seen = new ConcurrentHashMap<>();
    private final Map<CollectionIdentifier, String> missing = new ConcurrentHashMap<>();

    @Override
    public void accept(Event event) {
        if (event instanceof SaslAuthenticationFailedEvent) {
            seen.putIfAbsent(Problem.CREDENTIALS_REFUSED, "");
        } else if (event instanceof SelectBucketFailedEvent && event.severity() != Event.Severity.DEBUG) {
            seen.putIfAbsent(Problem.BUCKET_DENIED, "");
        } else if (event instanceof BucketOpenRetriedEvent
                && cause(event.cause(), NoAccessDuringConfigLoadException.class) != null) {
            seen.putIfAbsent(Problem.BUCKET_DENIED, "");
        } else if (event instanceof EndpointConnectionFailedEvent) {
            Throwable tls = cause(event.cause(), SSLException.class);
            if (tls != null) {
                seen.putIfAbsent(Problem.TLS_FAILED, String.valueOf(tls.getMessage()));
            } else if (cause(event.cause(), ConnectException.class) != null
                    || cause(event.cause(), UnknownHostException.class) != null
                    || cause(event.cause(), NoRouteToHostException.class) != null) {
                seen.putIfAbsent(Problem.UNREACHABLE, unreachable(event.cause()));
            }
        } else if (event instanceof CollectionMapRefreshFailedEvent refresh) {
            String description = refresh.description();
            if (description.endsWith(": UNKNOWN_SCOPE")) {
                missing.put(refresh.collectionIdentifier(), "scope");
            } else if (description.endsWith(": UNKNOWN_COLLECTION")) {
                missing.put(refresh.collectionIdentifier(), "collection");
            }
        }
    }

    /** Whether waiting longer cannot help: the cluster refused the credentials. */
    boolean isHopeless() {
        return seen.containsKey(Problem.CREDENTIALS_REFUSED);
    }

    /** The most telling problem seen so far. */
    Optional<Problem> worst() {
        for (Problem problem : Problem.values()) {
            if (seen.containsKey(problem)) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    /** What the SDK said about {@code problem}, such as the TLS failure; may be empty. */
    String detail(Problem problem) {
        return seen.getOrDefault(problem, "");
    }

    /**
     * Whether the cluster said the collection's scope ({@code "scope"}) or the collection
     * itself ({@code "collection"}) does not exist, or is not visible to this user.
     */
    Optional<String> missing(CollectionIdentifier collection) {
        return Optional.ofNullable(missing.get(collection));
    }

    /** "connection refused by /127.0.0.1:11210" rather than the SDK's netty wording. */
    private static String unreachable(Throwable error) {
        Matcher refused = REFUSED.matcher(String.valueOf(error.getMessage()));
        if (refused.find()) {
            return "connection refused by " + refused.group(1);
        }
        Throwable unknown = cause(error, UnknownHostException.class);
        return unknown != null ? "unknown host " + unknown.getMessage() : String.valueOf(error.getMessage());
    }

    private static Throwable cause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }
}
