package io.profilekit.core.pictures;

import io.profilekit.core.InvalidProfileException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Checks that a PNG's compressed image data (its {@code IDAT} chunks) inflates to no more than
 * its header's dimensions need. Decoders read only the rows they need, so a 16 x 16 image whose
 * data inflates to 50 MiB (a decompression bomb) would otherwise be stored and passed on to every
 * client that decodes it whole. Inflation stops as soon as the limit is passed.
 */
final class PngImageData {

    /** Slack for Adam7 interlacing's extra filter bytes and for encoders' padding. */
    private static final int SLACK = 1024;

    private PngImageData() {
    }

    /**
     * @throws InvalidProfileException when the data inflates to more than the image needs, or
     *     the chunks or data are malformed
     */
    static void check(byte[] png, int width, int height) {
        if (png.length < 33) {
            throw malformed();
        }
        int channels = switch (png[25]) {
            case 0, 3 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> throw malformed();
        };
        long rowBytes = ((long) width * channels * (png[24] & 0xFF) + 7) / 8 + 1;
        long limit = 2 * rowBytes * height + SLACK;
        Inflater inflater = new Inflater();
        try {
            long inflated = 0;
            byte[] scratch = new byte[8192];
            for (int at = 8; at + 12 <= png.length && !inflater.finished(); ) {
                int length = be32(png, at);
                if (length < 0 || at + 12L + length > png.length) {
                    throw malformed();
                }
                if (png[at + 4] == 'I' && png[at + 5] == 'D' && png[at + 6] == 'A' && png[at + 7] == 'T') {
                    inflater.setInput(png, at + 8, length);
                    while (!inflater.needsInput() && !inflater.finished()) {
                        inflated += inflater.inflate(scratch);
                        if (inflated > limit) {
                            throw new InvalidProfileException("the picture's image data inflates to more than its "
                                    + width + " x " + height + " pixels need");
                        }
                        if (inflater.needsDictionary()) {
                            throw malformed();
                        }
                    }
                }
                at += 12 + length;
            }
        } catch (DataFormatException e) {
            throw malformed();
        } finally {
            inflater.end();
        }
    }

    private static InvalidProfileException malformed() {
        return new InvalidProfileException("the picture is truncated or corrupt");
    }

    private static int be32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }
}
