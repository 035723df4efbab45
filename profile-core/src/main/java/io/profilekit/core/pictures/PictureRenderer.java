package io.profilekit.core.pictures;

import io.profilekit.core.InvalidProfileException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
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

    private static final float JPEG_QUALITY = 0.9f;

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
    }

    /** An encoded render and its media type. */
    public record Rendered(byte[] bytes, String mediaType) {
    }

    private final int maxSide;

    /** A renderer of pictures whose sides are at most {@code maxSide} pixels. */
    public PictureRenderer(int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be positive");
        }
        this.maxSide = maxSide;
    }

    /**
     * Renders {@code image} as a {@code size} x {@code size} picture.
     *
     * @param size the side in pixels, or {@link #OWN_SIZE}
     * @throws IllegalArgumentException when {@code size} is outside {@link #MIN_SIZE} to
     *     {@link #MAX_SIZE} and is not {@link #OWN_SIZE}
     * @throws InvalidProfileException when the bytes are no image this renderer reads, or one
     *     whose sides exceed the cap, or a corrupt one
     */
    public Rendered render(byte[] image, int size, Encoding encoding) {
        if (size != OWN_SIZE && (size < MIN_SIZE || size > MAX_SIZE)) {
            throw new IllegalArgumentException("size must be from " + MIN_SIZE + " to " + MAX_SIZE);
        }
        BufferedImage decoded = decode(image, size);
        int side = size != OWN_SIZE ? size
                : Math.max(MIN_SIZE, Math.min(MAX_SIZE, Math.min(decoded.getWidth(), decoded.getHeight())));
        BufferedImage square = scale(decoded, side);
        Encoding chosen = encoding != Encoding.AUTOMATIC ? encoding
                : square.getColorModel().hasAlpha() ? Encoding.PNG : Encoding.JPEG;
        return new Rendered(chosen == Encoding.PNG ? png(square) : jpeg(square), chosen.mediaType);
    }

    /** Decodes the image, subsampled to no less than twice {@code size} (if given) on its shorter side. */
    private BufferedImage decode(byte[] image, int size) {
        return ImageReaders.read(image, reader -> {
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

    private static byte[] jpeg(BufferedImage image) {
        BufferedImage opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = opaque.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        return encode(writer, param, opaque);
    }

    private static byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        return encode(writer, writer.getDefaultWriteParam(), image);
    }

    private static byte[] encode(ImageWriter writer, ImageWriteParam param, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a picture", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static InvalidProfileException unreadable() {
        return new InvalidProfileException("the picture is truncated, corrupt or in a format that cannot be rendered");
    }
}
