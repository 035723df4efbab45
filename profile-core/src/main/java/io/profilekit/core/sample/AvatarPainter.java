package io.profilekit.core.sample;

import io.profilekit.core.ProfilePicture;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
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
 * Paints the silhouette of a person, head and shoulders, on a coloured background and encodes
 * it as a small JPEG. Shapes only, no text: it needs no fonts, so it works on any headless JVM.
 * Keeps one JPEG encoder, so it is not thread-safe.
 */
final class AvatarPainter {

    static final int SIZE = 128;

    private final ImageWriter encoder = ImageIO.getImageWritersByFormatName("jpeg").next();

    ProfilePicture paint(Random random) {
        float hue = random.nextFloat();
        Color background = Color.getHSBColor(hue, 0.45f + random.nextFloat() * 0.3f, 0.55f + random.nextFloat() * 0.3f);
        Color figure = Color.getHSBColor(hue, 0.15f, 0.96f);

        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(background);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(figure);
            double head = SIZE * (0.34 + random.nextDouble() * 0.06);
            double shoulders = SIZE * (0.78 + random.nextDouble() * 0.12);
            g.fill(new Ellipse2D.Double((SIZE - head) / 2, SIZE * 0.17, head, head * 1.08));
            g.fill(new Ellipse2D.Double((SIZE - shoulders) / 2, SIZE * 0.62, shoulders, SIZE * 0.8));
        } finally {
            g.dispose();
        }

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
