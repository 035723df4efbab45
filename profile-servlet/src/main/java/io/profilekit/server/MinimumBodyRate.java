package io.profilekit.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Holds request bodies to a minimum rate through Jetty's {@link MinimumDataRateHandler}: a
 * body read slower fails with a timeout, which profilekit answers 408. Only requests that have
 * a body pass through it, since it wraps and counts every request it sees, and reads have none.
 */
final class MinimumBodyRate extends Handler.Wrapper {

    private final Handler next;

    MinimumBodyRate(Handler next, long bytesPerSecond) {
        super(new MinimumDataRateHandler(next, bytesPerSecond, 0));
        this.next = next;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        boolean hasBody = headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0
                || headers.contains(HttpHeader.TRANSFER_ENCODING);
        return hasBody ? super.handle(request, response, callback) : next.handle(request, response, callback);
    }
}
