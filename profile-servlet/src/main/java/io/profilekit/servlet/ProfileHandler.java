package io.profilekit.servlet;

import io.profilekit.servlet.internal.ApiHandler;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.jetty.JettyRequestView;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * profilekit's API as a Jetty 12 core handler, without servlets: what profile-server.jar runs,
 * and what a program on Jetty embeds. It never blocks: Jetty may call it on the thread that read
 * the request, and an answer that waits for the store is written when the store answers, from
 * whichever thread completes it. What may take long (renders, image checks, people's tokens)
 * runs on the API's worker threads.
 *
 * <pre>{@code
 * server.setHandler(new ProfileHandler(api, ""));
 * }</pre>
 */
public final class ProfileHandler extends Handler.Abstract.NonBlocking {

    private final ApiHandler handler;
    private final String prefix;

    /**
     * @param prefix the path under which profilekit answers in the handler's context ({@code ""}
     *     for every path, or {@code /profiles}); other paths are left to the next handler
     */
    public ProfileHandler(ProfileApi api, String prefix) {
        this.handler = Objects.requireNonNull(api, "api").handler();
        this.prefix = ProfileApi.checkedPrefix(prefix);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!prefix.isEmpty()) {
            String path = Request.getPathInContext(request);
            if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
                return false;
            }
        }
        handler.handle(new JettyRequestView(request, prefix))
                .whenComplete((answer, never) -> write(request, response, answer, callback));
        return true;
    }

    private static void write(Request request, Response response, Answer answer, Callback callback) {
        response.setStatus(answer.status());
        List<String> headers = answer.headers();
        for (int i = 0; i < headers.size(); i += 2) {
            response.getHeaders().add(headers.get(i), headers.get(i + 1));
        }
        if (answer.contentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        }
        boolean noBody = answer.status() == 304 || answer.status() == 204;
        boolean head = request.getMethod().equals("HEAD");
        if (answer.chunks() != null && !head) {
            writeChunks(response, answer.chunks(), callback);
            return;
        }
        if (!noBody && answer.chunks() == null) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        }
        response.write(true, noBody || head ? null : ByteBuffer.wrap(answer.body()), callback);
    }

    /** Writes each piece once the one before is written; a failed piece aborts the answer, cut short. */
    private static void writeChunks(Response response, Answer.Chunks chunks, Callback callback) {
        chunks.next().whenComplete((chunk, failure) -> {
            if (failure != null) {
                callback.failed(failure);
            } else if (chunk.length == 0) {
                response.write(true, null, callback);
            } else {
                response.write(false, ByteBuffer.wrap(chunk),
                        Callback.from(() -> writeChunks(response, chunks, callback), callback::failed));
            }
        });
    }
}
