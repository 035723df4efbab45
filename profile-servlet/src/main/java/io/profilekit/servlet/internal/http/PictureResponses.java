package io.profilekit.servlet.internal.http;

import io.profilekit.core.StoredPicture;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a picture's image bytes, with the media type its magic bytes show. */
public final class PictureResponses {

    private PictureResponses() {
    }

    /** The image, which may never run as a page of its own (a crafted SVG or HTML, say). */
    public static void writeImage(HttpServletResponse response, StoredPicture picture) throws IOException {
        startImage(response, picture.mediaType(), picture.imageLength());
        picture.writeImage(response.getOutputStream());
    }

    /** A rendering of a picture, encoded by profilekit itself. */
    public static void writeRendered(HttpServletResponse response, String mediaType, byte[] bytes) throws IOException {
        startImage(response, mediaType, bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void startImage(HttpServletResponse response, String mediaType, int length) {
        response.setStatus(200);
        response.setContentType(mediaType);
        response.setContentLength(length);
        response.setHeader("Content-Security-Policy", "default-src 'none'");
    }
}
