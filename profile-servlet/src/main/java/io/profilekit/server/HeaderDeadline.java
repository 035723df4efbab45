package io.profilekit.server;

import java.time.Duration;
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
 * internal connection class exposes). Runs as a bean of the server, checking once a second.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Runnable {

    private static final Duration MOST_BETWEEN_CHECKS = Duration.ofSeconds(1);

    private final AbstractConnector connector;
    private final long deadlineNanos;
    private final long periodMillis;
    private volatile Scheduler.Task next;

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
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (endPoint.getConnection() instanceof HttpConnection http && isLate(http)) {
                endPoint.close();
            }
        }
        if (isRunning()) {
            schedule();
        }
    }

    /** Whether the connection has begun a request whose headers are overdue. */
    private boolean isLate(HttpConnection http) {
        var parser = http.getParser();
        return !parser.isStart() && parser.inHeaderState() && NanoTime.since(parser.getBeginNanoTime()) > deadlineNanos;
    }

    private void schedule() {
        next = connector.getScheduler().schedule(this, periodMillis, TimeUnit.MILLISECONDS);
    }
}
