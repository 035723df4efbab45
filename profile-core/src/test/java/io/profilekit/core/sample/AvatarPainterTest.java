package io.profilekit.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The avatar's geometry, measured on the decoded JPEG (so within a few pixels): a light, pale
 * figure (saturation 0.15, brightness 0.96), a centred head above wider shoulders, on a
 * saturated background of the same hue.
 */
class AvatarPainterTest {

    private static final int SIZE = AvatarPainter.SIZE;
    private static final int CENTRE = SIZE / 2;

    private static BufferedImage painted(long seed) throws IOException {
        byte[] jpeg = new AvatarPainter().paint(new Random(seed)).bytes();
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static boolean isFigure(BufferedImage image, int x, int y) {
        Color pixel = new Color(image.getRGB(x, y));
        float[] hsb = Color.RGBtoHSB(pixel.getRed(), pixel.getGreen(), pixel.getBlue(), null);
        return hsb[1] < 0.3f && hsb[2] > 0.85f;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theBackgroundIsSaturatedAndMidBright(long seed) throws IOException {
        BufferedImage image = painted(seed);

        for (int[] corner : new int[][] {{2, 2}, {SIZE - 3, 2}, {2, CENTRE}, {SIZE - 3, CENTRE}}) {
            Color pixel = new Color(image.getRGB(corner[0], corner[1]));
            float[] hsb = Color.RGBtoHSB(pixel.getRed(), pixel.getGreen(), pixel.getBlue(), null);
            assertThat(hsb[1]).as("saturation").isBetween(0.40f, 0.80f);
            assertThat(hsb[2]).as("brightness").isBetween(0.50f, 0.90f);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theFigureIsLeftRightSymmetric(long seed) throws IOException {
        BufferedImage image = painted(seed);

        int differing = 0;
        for (int y = 0; y < SIZE; y += 2) {
            for (int x = 0; x < CENTRE; x++) {
                if (isFigure(image, x, y) != isFigure(image, SIZE - 1 - x, y)) {
                    differing++;
                }
            }
        }
        assertThat(differing).as("pixels whose mirror image differs").isLessThan(SIZE / 2);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theHeadIsAnUprightOvalAThirdOfTheWidthFromASixthOfTheHeight(long seed) throws IOException {
        BufferedImage image = painted(seed);
        int top = firstFigureRow(image, 0);
        int bottom = firstBackgroundRow(image, top);
        int widest = 0;
        for (int y = top; y < bottom; y++) {
            widest = Math.max(widest, figureWidth(image, y));
        }

        assertThat(top).isBetween(20, 24);
        assertThat(widest).isBetween(42, 53);
        assertThat((double) (bottom - top) / widest).isBetween(1.02, 1.14);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theShouldersStartBelowTheHeadAndFillMostOfTheBottomRow(long seed) throws IOException {
        BufferedImage image = painted(seed);
        int shoulders = firstFigureRow(image, firstBackgroundRow(image, firstFigureRow(image, 0)));

        assertThat(shoulders).isBetween(78, 82);
        assertThat(figureWidth(image, SIZE - 1)).isBetween(96, 118);
        assertThat(figureWidth(image, 100)).isLessThan(figureWidth(image, SIZE - 1));
    }

    private static int firstFigureRow(BufferedImage image, int from) {
        int y = from;
        while (y < SIZE && !isFigure(image, CENTRE, y)) {
            y++;
        }
        return y;
    }

    private static int firstBackgroundRow(BufferedImage image, int from) {
        int y = from;
        while (y < SIZE && isFigure(image, CENTRE, y)) {
            y++;
        }
        return y;
    }

    private static int figureWidth(BufferedImage image, int y) {
        int width = 0;
        for (int x = 0; x < SIZE; x++) {
            if (isFigure(image, x, y)) {
                width++;
            }
        }
        return width;
    }
}
