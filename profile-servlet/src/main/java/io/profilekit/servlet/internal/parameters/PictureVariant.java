package io.profilekit.servlet.internal.parameters;

import io.profilekit.core.ImageFormat;
import io.profilekit.core.pictures.DefaultAvatars;
import io.profilekit.core.pictures.PictureRenderer;
import io.profilekit.core.pictures.PictureRenderer.Encoding;
import io.profilekit.servlet.internal.http.HttpProblem;
import java.util.Locale;
import java.util.Optional;

/**
 * Which rendering of a stored picture a request asks for, from its {@code size} and
 * {@code format} parameters and its {@code Accept} header: a square of {@code size} pixels, in
 * JPEG, PNG, or whichever of the two keeps the picture's transparency. Without {@code size}, the
 * stored bytes are answered when a browser shows their format (JPEG, PNG, GIF, WebP) or the
 * request's {@code Accept} names it; a JPEG 2000 picture, which no mainstream browser shows, is
 * rendered at its own size instead.
 *
 * @param size the side in pixels, or {@link PictureRenderer#OWN_SIZE}
 * @param encoding what to encode the render as
 */
public record PictureVariant(int size, Encoding encoding) {

    /**
     * The variant a request asks for, or empty for the stored bytes.
     *
     * @param size the {@code size} parameter, or {@code null}
     * @param format the {@code format} parameter, or {@code null}
     * @param accept the {@code Accept} header, or {@code null}
     * @param stored the stored picture's format, if it has one profilekit recognises
     * @throws HttpProblem 400 naming what is allowed, for a size or format outside it
     */
    public static Optional<PictureVariant> of(String size, String format, String accept, Optional<ImageFormat> stored) {
        Encoding encoding = encoding(format);
        if (size == null) {
            if (encoding != null) {
                return Optional.of(new PictureVariant(PictureRenderer.OWN_SIZE, encoding));
            }
            if ("original".equals(format) || stored.isEmpty()) {
                return Optional.empty();
            }
            return isJpeg2000(stored.get()) && !names(accept, stored.get())
                    ? Optional.of(new PictureVariant(PictureRenderer.OWN_SIZE, Encoding.AUTOMATIC))
                    : Optional.empty();
        }
        if ("original".equals(format)) {
            throw HttpProblem.badRequest("size cannot be combined with format=original, the stored bytes");
        }
        return Optional.of(new PictureVariant(side(size), encoding == null ? Encoding.AUTOMATIC : encoding));
    }

    /**
     * The variant a request for a picture URL ({@code /pictures/{id}}) asks for, or empty for the
     * stored bytes. Pictures are re-encoded unless {@code format=original} asks for the stored
     * bytes (or {@code Accept} names JPEG 2000, which only the seed's tools ask for), so bytes
     * appended to an upload are never passed on; {@code Accept} naming the stored JPEG or PNG type
     * keeps that type.
     *
     * @throws HttpProblem 400 naming what is allowed, for a size or format outside it
     */
    public static Optional<PictureVariant> reencoded(String size, String format, String accept,
            Optional<ImageFormat> stored) {
        Encoding encoding = encoding(format);
        if ("original".equals(format)) {
            if (size != null) {
                throw HttpProblem.badRequest("size cannot be combined with format=original, the stored bytes");
            }
            return Optional.empty();
        }
        boolean named = stored.isPresent() && names(accept, stored.get());
        if (size == null && encoding == null && named && isJpeg2000(stored.get())) {
            return Optional.empty();
        }
        if (encoding == null && named) {
            encoding = stored.get() == ImageFormat.JPEG ? Encoding.JPEG
                    : stored.get() == ImageFormat.PNG ? Encoding.PNG : null;
        }
        return Optional.of(new PictureVariant(size == null ? PictureRenderer.OWN_SIZE : side(size),
                encoding == null ? Encoding.AUTOMATIC : encoding));
    }

    /**
     * The default avatar a {@code default} parameter asks for: empty for {@code 404};
     * {@code absent} when there is no parameter.
     *
     * @throws HttpProblem 400 naming what is allowed, for any other value
     */
    public static Optional<DefaultAvatars.Style> defaultAvatar(String value, Optional<DefaultAvatars.Style> absent) {
        if (value == null) {
            return absent;
        }
        return switch (value) {
            case "silhouette" -> Optional.of(DefaultAvatars.Style.SILHOUETTE);
            case "initials" -> Optional.of(DefaultAvatars.Style.INITIALS);
            case "404" -> Optional.empty();
            default -> throw HttpProblem.badRequest("default must be silhouette, initials or 404");
        };
    }

    /** The side of a default avatar: the {@code size} asked for, else {@link DefaultAvatars#DEFAULT_SIZE}. */
    public static int avatarSide(String size) {
        return size == null ? DefaultAvatars.DEFAULT_SIZE : side(size);
    }

    /** The encoding of a default avatar: the one {@code format} names, else PNG or JPEG as suits it. */
    public static Encoding avatarEncoding(String format) {
        if ("original".equals(format)) {
            throw HttpProblem.badRequest("format=original asks for stored bytes, and a default avatar has none;"
                    + " format must be jpeg or png");
        }
        Encoding encoding = encoding(format);
        return encoding == null ? Encoding.AUTOMATIC : encoding;
    }

    /** What the variant's entity tag adds to the picture's version, so that each variant has its own. */
    public String tagSuffix() {
        return (size == PictureRenderer.OWN_SIZE ? "own" : "s" + size) + "-" + encoding.name().toLowerCase(Locale.ROOT);
    }

    private static boolean isJpeg2000(ImageFormat format) {
        return format == ImageFormat.JPEG_2000 || format == ImageFormat.JPEG_2000_CODESTREAM;
    }

    private static boolean names(String accept, ImageFormat format) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(format.mediaType());
    }

    /** The encoding {@code format} names; {@code null} for none or {@code original}. */
    private static Encoding encoding(String format) {
        if (format == null || format.equals("original")) {
            return null;
        }
        return switch (format) {
            case "jpeg" -> Encoding.JPEG;
            case "png" -> Encoding.PNG;
            default -> throw HttpProblem.badRequest("format must be original, jpeg or png");
        };
    }

    private static int side(String size) {
        if (PathParameters.isDigits(size, 4)) {
            int side = Integer.parseInt(size);
            if (side >= PictureRenderer.MIN_SIZE && side <= PictureRenderer.MAX_SIZE) {
                return side;
            }
        }
        throw HttpProblem.badRequest("size must be a whole number of pixels from " + PictureRenderer.MIN_SIZE + " to "
                + PictureRenderer.MAX_SIZE);
    }
}
