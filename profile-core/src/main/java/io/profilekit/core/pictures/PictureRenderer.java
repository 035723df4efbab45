package io.profilekit.core.pictures;

import io.profilekit.core.InvalidProfileException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import javax.imageio.ImageReadParam;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;

/**
 * Renders a stored picture as a square avatar a browser can show: decoded from JPEG, PNG, GIF,
 * WebP or JPEG 2000 (JP2 file or bare codestream), centre-cropped, scaled to the size asked
 * for, and encoded as JPEG, or as PNG where the picture has transparency. The header's
 * dimensions are checked against the pixel cap before any pixel is decoded, and a large
 * picture is decoded subsampled, so a render never holds more than a few times its output.
 * Thread-safe.
 */
public final class PictureRenderer {

    /** The smallest side a render may have. */
    public static final int MIN_SIZE = 16;
    /** The largest side a render may have. */
    public static final int MAX_SIZE = 1024;
    /** The size that asks for the picture's own shorter side, kept within the sizes above. */
    public static final int OWN_SIZE = 0;

    /** What a render is encoded as. */
    public enum Encoding {
        /** JPEG, with transparency flattened onto white. */
        JPEG("image/jpeg"),
        /** PNG, which keeps transparency. */
        PNG("image/png"),
        /** PNG when the picture has an alpha channel, else JPEG. */
        AUTOMATIC(null);

        private final String mediaType;

        Encoding(String mediaType) {
            this.mediaType = mediaType;
        }

        /** The media type of what this encoding writes; {@code null} for {@link #AUTOMATIC}. */
        String mediaType() {
            return mediaType;
        }
    }

    /** An encoded render and its media type. */
    public record Rendered(byte[] bytes, String mediaType) {
    }

    private final int maxSide;
    private final Duration decodeBudget;

    /** A renderer of pictures whose sides are at most {@code maxSide} pixels, each decoded within 3 seconds. */
    public PictureRenderer(int maxSide) {
        this(maxSide, ImageReaders.DEFAULT_BUDGET);
    }

    /**
     * A renderer of pictures whose sides are at most {@code maxSide} pixels, each decoded
     * within {@code decodeBudget} (a crafted image that decodes slowly fails instead of
     * holding a request thread).
     */
    public PictureRenderer(int maxSide, Duration decodeBudget) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be positive");
        }
        if (decodeBudget.isNegative()) {
            throw new IllegalArgumentException("decodeBudget must not be negative");
        }
        this.maxSide = maxSide;
        this.decodeBudget = decodeBudget;
    }

    /**
     * Renders {@code image} as a {@code size} x {@code size} picture.
     *
     * @param size the side in pixels, or {@link #OWN_SIZE}
     * @throws IllegalArgumentException when {@code size} is outside {@link #MIN_SIZE} to
     *     {@link #MAX_SIZE} and is not {@link #OWN_SIZE}
     * @throws InvalidProfileException when the bytes are no image this renderer reads, or one
     *     whose sides exceed the cap, a corrupt one, or one that outlasts the decode budget
     */
    public Rendered render(byte[] image, int size, Encoding encoding) {
        if (size != OWN_SIZE && (size < MIN_SIZE || size > MAX_SIZE)) {
            throw new IllegalArgumentException("size must be from " + MIN_SIZE + " to " + MAX_SIZE);
        }
        BufferedImage decoded = decode(image, size);
        int side = size != OWN_SIZE ? size
                : Math.max(MIN_SIZE, Math.min(MAX_SIZE, Math.min(decoded.getWidth(), decoded.getHeight())));
        BufferedImage square = scale(decoded, side);
        return encode(square, encoding);
    }

    /** Decodes the image, subsampled to no less than twice {@code size} (if given) on its shorter side. */
    private BufferedImage decode(byte[] image, int size) {
        return ImageReaders.read(image, decodeBudget, reader -> {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1 || width > maxSide || height > maxSide) {
                throw new InvalidProfileException("the picture is " + width + " x " + height
                        + " pixels; at most " + maxSide + " x " + maxSide + " are rendered");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = size == OWN_SIZE ? 1 : Math.max(1, Math.min(width, height) / (2 * size));
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        }, PictureRenderer::unreadable);
    }

    private static BufferedImage scale(BufferedImage decoded, int size) {
        int side = Math.min(decoded.getWidth(), decoded.getHeight());
        try {
            return Thumbnails.of(decoded).sourceRegion(Positions.CENTER, side, side).forceSize(size, size)
                    .imageType(decoded.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidProfileException unreadable() {
        return new InvalidProfileException("the picture is truncated, corrupt or in a format that cannot be rendered");
    }

    /** {@code image} in {@code encoding}; {@link Encoding#AUTOMATIC} is PNG when it has alpha, else JPEG. */
    static Rendered encode(BufferedImage image, Encoding encoding) {
        Encoding chosen = encoding != Encoding.AUTOMATIC ? encoding
                : image.getColorModel().hasAlpha() ? Encoding.PNG : Encoding.JPEG;
        return new Rendered(chosen == Encoding.PNG ? Encoders.png(image) : Encoders.jpeg(image), chosen.mediaType());
    }
}
