package io.profilekit.server;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes every connection whose request line and headers have not all arrived within a
 * deadline of their first byte. Jetty's idle timeout restarts with every byte, so without this
 * a client that sends a header line every few seconds holds its connection for ever (Jetty has
 * no deadline of its own for headers; this reads its HTTP/1.1 parser's state, which only its
 * internal connection class exposes). Runs as a bean of the server, checking once a second; a
 * connection is closed only once two checks, the deadline apart, have seen it in the headers
 * of the same request, as the parser's state is read from another thread than the one parsing.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Runnable {

    private static final Duration MOST_BETWEEN_CHECKS = Duration.ofSeconds(1);

    private final AbstractConnector connector;
    private final long deadlineNanos;
    private final long periodMillis;
    private volatile Scheduler.Task next;
    /** The connections in their headers at the last check; read and written by checks only, one at a time. */
    private Map<EndPoint, Seen> inHeaders = new HashMap<>();

    /** When a check first saw a connection in the headers of the request that began at {@code begin}. */
    private record Seen(long begin, long firstSeen) {
    }

    HeaderDeadline(AbstractConnector connector, Duration deadline) {
        this.connector = connector;
        this.deadlineNanos = deadline.toNanos();
        this.periodMillis = Math.max(10, Math.min(MOST_BETWEEN_CHECKS.toMillis(), deadline.toMillis() / 4));
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    @Override
    public void run() {
        long now = NanoTime.now();
        Map<EndPoint, Seen> stillInHeaders = new HashMap<>();
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (endPoint.getConnection() instanceof HttpConnection http) {
                var parser = http.getParser();
                if (parser.isStart() || !parser.inHeaderState()) {
                    continue;
                }
                Seen before = inHeaders.get(endPoint);
                Seen seen = before != null && before.begin() == parser.getBeginNanoTime()
                        ? before : new Seen(parser.getBeginNanoTime(), now);
                if (NanoTime.elapsed(seen.firstSeen(), now) > deadlineNanos) {
                    endPoint.close();
                } else {
                    stillInHeaders.put(endPoint, seen);
                }
            }
        }
        inHeaders = stillInHeaders;
        if (isRunning()) {
            schedule();
        }
    }

    private void schedule() {
        next = connector.getScheduler().schedule(this, periodMillis, TimeUnit.MILLISECONDS);
    }
}
