package io.profilekit.core.pictures;

import io.profilekit.core.Profile;
import io.profilekit.core.pictures.PictureRenderer.Encoding;
import io.profilekit.core.pictures.PictureRenderer.Rendered;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Random;

/**
 * The pictures of profiles that have none: the silhouette of a person, head and shoulders, or
 * the person's initials, on a background whose colour is fixed per profile. The sample data's
 * avatars are drawn the same way. Thread-safe.
 */
public final class DefaultAvatars {

    /** The side of a default avatar when no size is asked for. */
    public static final int DEFAULT_SIZE = 128;

    /** What a default avatar shows. */
    public enum Style {
        /** Head and shoulders. */
        SILHOUETTE,
        /** Up to two initials from the profile's names; the silhouette when it has none. */
        INITIALS
    }

    private DefaultAvatars() {
    }

    /**
     * The default avatar of {@code profile}, {@code size} pixels square.
     *
     * @param encoding {@link Encoding#AUTOMATIC} gives PNG, which keeps the flat shapes sharp
     */
    public static Rendered render(Profile profile, Style style, int size, Encoding encoding) {
        long seed = profile.recordId() == null ? 0 : profile.recordId();
        String initials = style == Style.INITIALS ? initials(profile) : "";
        BufferedImage image = initials.isEmpty() ? silhouette(new Random(seed), size) : lettered(seed, size, initials);
        return PictureRenderer.encode(image, encoding == Encoding.AUTOMATIC ? Encoding.PNG : encoding);
    }

    /**
     * Paints a silhouette {@code size} pixels square whose colours and proportions come from
     * {@code random}, in an order the sample data's avatars depend on.
     */
    public static BufferedImage silhouette(Random random, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = background(image, random);
        try {
            double head = size * (0.34 + random.nextDouble() * 0.06);
            double shoulders = size * (0.78 + random.nextDouble() * 0.12);
            g.fill(new Ellipse2D.Double((size - head) / 2, size * 0.17, head, head * 1.08));
            g.fill(new Ellipse2D.Double((size - shoulders) / 2, size * 0.62, shoulders, size * 0.8));
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Up to two initials: of {@code first_name} and {@code last_name}, else of the first and last
     * words of {@code name}, else of {@code nickname}; empty when none has a letter or digit.
     */
    static String initials(Profile profile) {
        String first = initial(profile.firstName());
        String last = initial(profile.lastName());
        if (!first.isEmpty() || !last.isEmpty()) {
            return first + last;
        }
        if (profile.name() != null && !profile.name().isBlank()) {
            String[] words = profile.name().trim().split("\\s+");
            return initial(words[0]) + (words.length > 1 ? initial(words[words.length - 1]) : "");
        }
        return initial(profile.nickname());
    }

    private static String initial(String word) {
        if (word == null) {
            return "";
        }
        return word.codePoints().filter(Character::isLetterOrDigit).limit(1)
                .mapToObj(Character::toString).findFirst().orElse("").toUpperCase(Locale.ROOT);
    }

    /** The initials in the figure's colour; the silhouette where no font can be drawn. */
    private static BufferedImage lettered(long seed, int size, String initials) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = background(image, new Random(seed));
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(1, Math.round(size * 0.42f)));
            GlyphVector glyphs = font.createGlyphVector(g.getFontRenderContext(), initials);
            Rectangle2D bounds = glyphs.getVisualBounds();
            g.drawGlyphVector(glyphs, (float) ((size - bounds.getWidth()) / 2 - bounds.getX()),
                    (float) ((size - bounds.getHeight()) / 2 - bounds.getY()));
            return image;
        } catch (RuntimeException | Error noFonts) {
            if (noFonts instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            // A JVM without fonts (a bare container) still draws shapes.
            return silhouette(new Random(seed), size);
        } finally {
            g.dispose();
        }
    }

    /** Fills {@code image} with the background colour and leaves the figure's colour set. */
    private static Graphics2D background(BufferedImage image, Random random) {
        float hue = random.nextFloat();
        Color background = Color.getHSBColor(hue, 0.45f + random.nextFloat() * 0.3f, 0.55f + random.nextFloat() * 0.3f);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.getHSBColor(hue, 0.15f, 0.96f));
        return g;
    }
}
