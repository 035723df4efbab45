package io.profilekit.core.sample;

import io.profilekit.core.ProfilePicture;
import io.profilekit.core.pictures.DefaultAvatars;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Paints the silhouette of a person, head and shoulders, on a coloured background (as
 * {@link DefaultAvatars} draws the pictures of profiles without one) and encodes it as a small
 * JPEG. Shapes only, no text: it needs no fonts, so it works on any headless JVM.
 * Keeps one JPEG encoder, so it is not thread-safe.
 */
final class AvatarPainter {

    static final int SIZE = 128;

    private final ImageWriter encoder = ImageIO.getImageWritersByFormatName("jpeg").next();

    ProfilePicture paint(Random random) {
        BufferedImage image = DefaultAvatars.silhouette(random, SIZE);

        ByteArrayOutputStream jpeg = new ByteArrayOutputStream(4096);
        // In memory, not through ImageIO.write's default temporary-file cache.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(jpeg)) {
            encoder.setOutput(out);
            encoder.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an avatar", e);
        } finally {
            encoder.reset();
        }
        return ProfilePicture.of(jpeg.toByteArray());
    }
}
