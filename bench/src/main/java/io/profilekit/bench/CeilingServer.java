package io.profilekit.bench;

import io.profilekit.core.pictures.PictureRenderer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * The ceiling: a bare Jetty 12 handler that answers profilekit's routes with the very bytes
 * profilekit answers (the demo store's, prepared up front) and does nothing else: no servlets,
 * no authentication, no metrics, no store. Whatever profilekit does costs the distance to this.
 *
 * <pre>java -cp profile-bench.jar io.profilekit.bench.CeilingServer PORT PROFILES PICTURE_URLS [blocking]</pre>
 *
 * {@code PICTURE_URLS} is the file {@link PictureUrls} wrote from profile-server.jar's answers:
 * the {@code picture_url} each resource answer carries (signed by profilekit, so the ceiling
 * answers the same bytes without signing anything), and the paths of {@code /pictures/{id}},
 * answered with the picture rendered at 64 pixels as profilekit renders it.
 *
 * With {@code blocking} the same handler declares itself blocking, as every servlet is, so
 * that Jetty hands each request to a pool thread instead of answering it on the thread that
 * read it: the distance between the two ceilings is what that hand-off costs.
 */
public final class CeilingServer extends Handler.Abstract.NonBlocking {

    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField JPEG = new HttpField(HttpHeader.CONTENT_TYPE, "image/jpeg");
    /** profilekit's default cap on a profile body ({@code profile.api.max-profile-bytes}). */
    private static final int MAX_BODY = 64 * 1024;

    private final Map<String, ByteBuffer> seedArrays = new HashMap<>();
    private final Map<String, ByteBuffer> documents = new HashMap<>();
    private final Map<String, String> etags = new HashMap<>();
    private final Map<String, ByteBuffer> images = new HashMap<>();
    private final Map<String, String> imageTypes = new HashMap<>();
    private final Map<String, ByteBuffer> avatars = new HashMap<>();

    /** A ceiling over {@code demo}, its profiles answered with the picture URLs profilekit gave them. */
    CeilingServer(DemoDocuments demo, Map<Long, String> pictureUrls) {
        // The cap only refuses pictures; the demo's 128-pixel avatars render the same under any.
        PictureRenderer renderer = new PictureRenderer(DemoDocuments.AVATAR_SIDE);
        demo.profiles.forEach(stored -> {
            String id = Long.toString(stored.recordId());
            ByteBuffer array = wrap('[', stored.json(), ']');
            seedArrays.put("/api/v1/id/" + id, array);
            seedArrays.put("/api/v1/username/" + stored.profile().userId(), array);
            String url = pictureUrls.get(stored.recordId());
            documents.put(id, ByteBuffer.wrap(url == null ? stored.json() : withPictureUrl(stored.json(), url)));
            etags.put(id, "\"" + stored.version() + (url == null ? "" : "-" + url.replaceAll(".*&exp=(\\d+).*", "$1"))
                    + "\"");
        });
        demo.pictures.forEach(picture -> {
            images.put("/api/v1/picture/raw/" + picture.recordId(), ByteBuffer.wrap(picture.image()));
            imageTypes.put("/api/v1/picture/raw/" + picture.recordId(), picture.mediaType());
            if (pictureUrls.containsKey(picture.recordId())) {
                avatars.put("/pictures/" + picture.recordId(), ByteBuffer.wrap(
                        renderer.render(picture.image(), 64, PictureRenderer.Encoding.AUTOMATIC).bytes()));
            }
        });
    }

    /** The stored document with {@code "picture_url"} last, as profilekit answers it. */
    private static byte[] withPictureUrl(byte[] json, String url) {
        String text = new String(json, StandardCharsets.UTF_8);
        return (text.substring(0, text.lastIndexOf('}')) + ",\"picture_url\":\"" + url + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ByteBuffer wrap(char before, byte[] json, char after) {
        ByteBuffer buffer = ByteBuffer.allocate(json.length + 2);
        buffer.put((byte) before).put(json).put((byte) after).flip();
        return buffer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (path.equals("/healthz")) {
            response.setStatus(200);
            response.write(true, null, callback);
            return true;
        }
        ByteBuffer seed = seedArrays.get(path);
        if (seed != null) {
            send(response, callback, JSON, seed);
            return true;
        }
        ByteBuffer image = images.get(path);
        if (image != null) {
            send(response, callback, new HttpField(HttpHeader.CONTENT_TYPE, imageTypes.get(path)), image);
            return true;
        }
        ByteBuffer avatar = avatars.get(path);
        if (avatar != null) {
            send(response, callback, JPEG, avatar);
            return true;
        }
        if (path.startsWith("/api/v1/profiles/")) {
            String id = path.substring("/api/v1/profiles/".length());
            ByteBuffer document = documents.get(id);
            if (document != null) {
                response.getHeaders().put(HttpHeader.ETAG, etags.get(id));
                if (request.getMethod().equals("PUT")) {
                    echo(request, response, callback);
                } else if (notModified(etags.get(id), request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
                    response.setStatus(304);
                    response.write(true, null, callback);
                } else {
                    send(response, callback, JSON, document);
                }
                return true;
            }
        }
        response.setStatus(404);
        response.write(true, null, callback);
        return true;
    }

    private static boolean notModified(String etag, String ifNoneMatch) {
        return "*".equals(ifNoneMatch) || etag.equals(ifNoneMatch);
    }

    private static void send(Response response, Callback callback, HttpField contentType, ByteBuffer body) {
        response.setStatus(200);
        response.getHeaders().put(contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
        response.write(true, body.slice(), callback);
    }

    /** A write answered with what was written, as a store that keeps nothing would. */
    private static void echo(Request request, Response response, Callback callback) {
        Content.Source.asByteArrayAsync(request, MAX_BODY, Promise.Invocable.from(InvocationType.NON_BLOCKING,
                body -> send(response, callback, JSON, ByteBuffer.wrap(body)), callback::failed));
    }

    /**
     * Starts a ceiling on {@code port} (0 for any free one) answering {@code demo}'s documents
     * with {@code pictureUrls}, from a blocking handler if {@code blocking}.
     */
    static Server start(int port, DemoDocuments demo, Map<Long, String> pictureUrls, boolean blocking)
            throws Exception {
        CeilingServer ceiling = new CeilingServer(demo, pictureUrls);
        return serve(port, blocking ? new Blocking(ceiling) : ceiling);
    }

    /** Starts a Jetty server on {@code port} (0 for any free one) that names no version and runs {@code handler}. */
    static Server serve(int port, Handler handler) throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handler);
        server.setStopAtShutdown(true);
        server.start();
        return server;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        Map<Long, String> pictureUrls = PictureUrls.read(Path.of(args[2]));
        boolean blocking = args.length > 3 && args[3].equals("blocking");
        Server server = start(port, DemoDocuments.generate(count), pictureUrls, blocking);
        System.out.println((blocking ? "blocking " : "") + "ceiling listening on " + port + " with " + count + " profiles");
        server.join();
    }

    /** The ceiling's answers from a handler of the servlets' invocation type. */
    private static final class Blocking extends Handler.Abstract {
        private final CeilingServer ceiling;

        Blocking(CeilingServer ceiling) {
            this.ceiling = ceiling;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            return ceiling.handle(request, response, callback);
        }
    }
}
