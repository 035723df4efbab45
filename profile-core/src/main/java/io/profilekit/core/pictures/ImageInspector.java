package io.profilekit.core.pictures;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.ProfilePicture;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageReadParam;

/**
 * Checks an uploaded picture beyond its magic bytes: its declared dimensions, read from the
 * header before anything is decoded (so a "pixel bomb" declaring 50000 x 50000 pixels costs
 * nothing), and, for the formats the JDK decodes (JPEG, PNG, GIF), that the whole image
 * decodes without error or truncation, and, for PNG, that its compressed data inflates to no
 * more than its dimensions need. WebP and JPEG 2000 headers are read by hand; their bodies are
 * not decoded.
 */
public final class ImageInspector {

    private ImageInspector() {
    }

    /** What the header says. */
    public record Dimensions(int width, int height) {
    }

    /**
     * Checks {@code picture}.
     *
     * @param maxSide the most pixels either side may have
     * @return the picture's dimensions
     * @throws InvalidProfileException when the header is unreadable, the image too large, or
     *     its body corrupt or truncated
     */
    public static Dimensions check(ProfilePicture picture, int maxSide) {
        byte[] bytes = picture.bytes();
        return switch (picture.format()) {
            case JPEG, GIF -> decodeChecked(bytes, maxSide);
            case PNG -> {
                Dimensions dimensions = decodeChecked(bytes, maxSide);
                PngImageData.check(bytes, dimensions.width(), dimensions.height());
                yield dimensions;
            }
            case WEBP -> within(webp(bytes), maxSide);
            case JPEG_2000 -> within(jp2(bytes), maxSide);
            case JPEG_2000_CODESTREAM -> within(j2k(bytes, 0), maxSide);
        };
    }

    private static Dimensions within(Dimensions dimensions, int maxSide) {
        if (dimensions.width() < 1 || dimensions.height() < 1) {
            throw corrupt();
        }
        if (dimensions.width() > maxSide || dimensions.height() > maxSide) {
            throw new InvalidProfileException("the picture is " + dimensions.width() + " x " + dimensions.height()
                    + " pixels; at most " + maxSide + " x " + maxSide + " are accepted");
        }
        return dimensions;
    }

    private static Dimensions decodeChecked(byte[] bytes, int maxSide) {
        return ImageReaders.read(bytes, reader -> {
            Dimensions dimensions = within(new Dimensions(reader.getWidth(0), reader.getHeight(0)), maxSide);
            boolean[] warned = {false};
            reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
            // Every byte is decoded, but into a raster of at most about 256 x 256 pixels.
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(dimensions.width(), dimensions.height()) / 256);
            param.setSourceSubsampling(step, step, 0, 0);
            reader.read(0, param);
            if (warned[0]) {
                throw corrupt();
            }
            return dimensions;
        }, ImageInspector::corrupt);
    }

    /** RIFF size, then the first chunk: VP8X (extended), VP8 (lossy) or VP8L (lossless). */
    private static Dimensions webp(byte[] b) {
        if (b.length < 30 || (le32(b, 4) & 0xFFFFFFFFL) + 8 > b.length) {
            throw corrupt();
        }
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8X" -> new Dimensions(1 + le24(b, 24), 1 + le24(b, 27));
            case "VP8 " -> {
                if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
                    throw corrupt();
                }
                yield new Dimensions(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
            }
            case "VP8L" -> {
                if ((b[20] & 0xFF) != 0x2F) {
                    throw corrupt();
                }
                int bits = le32(b, 21);
                yield new Dimensions(1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF));
            }
            default -> throw corrupt();
        };
    }

    /** The JP2 file's image header box ({@code ihdr}: height, then width), else its codestream. */
    private static Dimensions jp2(byte[] b) {
        for (int i = 12; i + 12 <= b.length; i++) {
            if (b[i] == 'i' && b[i + 1] == 'h' && b[i + 2] == 'd' && b[i + 3] == 'r') {
                return new Dimensions(be32(b, i + 8), be32(b, i + 4));
            }
        }
        throw corrupt();
    }

    /** The codestream's SIZ segment, right after its SOC marker: image size less its offset. */
    private static Dimensions j2k(byte[] b, int start) {
        if (b.length < start + 28 || (b[start + 2] & 0xFF) != 0xFF || (b[start + 3] & 0xFF) != 0x51) {
            throw corrupt();
        }
        int width = be32(b, start + 8) - be32(b, start + 16);
        int height = be32(b, start + 12) - be32(b, start + 20);
        return new Dimensions(width, height);
    }

    private static InvalidProfileException corrupt() {
        return new InvalidProfileException("the picture is truncated or corrupt");
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int le24(byte[] b, int i) {
        return le16(b, i) | (b[i + 2] & 0xFF) << 16;
    }

    private static int le32(byte[] b, int i) {
        return le24(b, i) | (b[i + 3] & 0xFF) << 24;
    }

    private static int be32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }
}
