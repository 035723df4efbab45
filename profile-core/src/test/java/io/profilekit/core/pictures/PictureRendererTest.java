package io.profilekit.core.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.pictures.PictureRenderer.Encoding;
import io.profilekit.core.pictures.PictureRenderer.Rendered;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders of pictures made by encoders other than the renderer's decoders. Under
 * {@code renderer/}: {@code wide.png}, 300 x 200 (a red band 50 pixels wide on the left, green
 * in the middle, a blue band on the right), and {@code avatar-rgba.png}, 128 x 128 RGBA (a
 * disc on a transparent ground), each written by a few lines of Python's zlib; their
 * {@code .jp2} and {@code .j2k} made by OpenJPEG's {@code opj_compress -i X.png -o X.jp2}
 * (Debian's libopenjp2-tools 2.5, lossless, as the seed's data tool made its avatars), and their
 * {@code .webp} by libwebp's {@code cwebp -lossless}. JPEG and GIF are written by the JDK here;
 * {@code wide.jpg} ({@code pngtopnm wide.png | cjpeg -quality 90}, Debian's libjpeg-turbo-progs)
 * and {@code wide.gif} ({@code pngtopnm wide.png | ppmtogif}, netpbm) are the uploads of the
 * browser test in profile-servlet.
 */
class PictureRendererTest {

    private final PictureRenderer renderer = new PictureRenderer(2048);

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PictureRendererTest.class.getResourceAsStream("renderer/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] encodedByTheJdk(String format) throws IOException {
        BufferedImage wide = ImageIO.read(new ByteArrayInputStream(resource("wide.png")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(wide, format, out);
        return out.toByteArray();
    }

    private static BufferedImage decoded(Rendered rendered) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(rendered.bytes()));
    }

    /** Whether the pixel is the middle's green, within what JPEG and scaling change. */
    private static boolean green(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        int red = rgb >> 16 & 0xFF;
        int green = rgb >> 8 & 0xFF;
        int blue = rgb & 0xFF;
        return green > 150 && red < 90 && blue < 110;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wide.png", "wide.webp", "wide.jp2"})
    void rendersTheCentreSquareOfAPictureAtTheSizeAskedFor(String name) throws IOException {
        Rendered rendered = renderer.render(resource(name), 64, Encoding.AUTOMATIC);

        BufferedImage image = decoded(rendered);
        assertThat(rendered.mediaType()).isEqualTo("image/jpeg");
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(64);
        assertThat(green(image, 1, 1) && green(image, 62, 1) && green(image, 1, 62) && green(image, 62, 62))
                .as("all four corners are the middle's green").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "gif", "png"})
    void rendersWhatTheJdkEncodes(String format) throws IOException {
        Rendered rendered = renderer.render(encodedByTheJdk(format), 32, Encoding.AUTOMATIC);

        BufferedImage image = decoded(rendered);
        assertThat(image.getWidth()).isEqualTo(32);
        assertThat(green(image, 16, 16)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"avatar-rgba.png", "avatar-rgba.jp2", "avatar-rgba.j2k", "avatar-rgba.webp"})
    void keepsTransparencyAsPng(String name) throws IOException {
        Rendered rendered = renderer.render(resource(name), 64, Encoding.AUTOMATIC);

        BufferedImage image = decoded(rendered);
        assertThat(rendered.mediaType()).isEqualTo("image/png");
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getRGB(1, 1) >>> 24).as("a corner's alpha").isZero();
        assertThat(image.getRGB(32, 32) >>> 24).as("the centre's alpha").isEqualTo(255);
    }

    @Test
    void flattensTransparencyOntoWhiteForJpeg() throws IOException {
        Rendered rendered = renderer.render(resource("avatar-rgba.jp2"), 64, Encoding.JPEG);

        BufferedImage image = decoded(rendered);
        assertThat(rendered.mediaType()).isEqualTo("image/jpeg");
        assertThat(image.getRGB(1, 1) & 0xFFFFFF).isGreaterThan(0xF0F0F0);
    }

    @Test
    void rendersAtTheSmallestAndLargestSizes() throws IOException {
        assertThat(decoded(renderer.render(resource("wide.jp2"), PictureRenderer.MIN_SIZE, Encoding.PNG)).getWidth())
                .isEqualTo(16);
        assertThat(decoded(renderer.render(resource("wide.jp2"), PictureRenderer.MAX_SIZE, Encoding.PNG)).getWidth())
                .isEqualTo(1024);
    }

    @Test
    void refusesASizeOutsideTheRange() throws IOException {
        byte[] png = resource("wide.png");

        assertThatThrownBy(() -> renderer.render(png, 15, Encoding.AUTOMATIC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be from 16 to 1024");
        assertThatThrownBy(() -> renderer.render(png, 1025, Encoding.AUTOMATIC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAPictureOverTheCapFromItsHeader() throws IOException {
        PictureRenderer small = new PictureRenderer(299);

        assertThatThrownBy(() -> small.render(resource("wide.jp2"), 64, Encoding.AUTOMATIC))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("the picture is 300 x 200 pixels; at most 299 x 299 are rendered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wide.jp2", "avatar-rgba.j2k", "wide.webp", "wide.png"})
    void refusesATruncatedPicture(String name) throws IOException {
        byte[] whole = resource(name);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 3);

        assertThatThrownBy(() -> renderer.render(truncated, 64, Encoding.AUTOMATIC))
                .isInstanceOf(InvalidProfileException.class);
    }

    @Test
    void refusesBytesThatAreNoPicture() {
        assertThatThrownBy(() -> renderer.render("<html></html>".getBytes(), 64, Encoding.AUTOMATIC))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("the picture is truncated, corrupt or in a format that cannot be rendered");
    }

    @Test
    void rendersThePicturesOwnShorterSideWhenAskedForItsOwnSize() throws IOException {
        Rendered rendered = renderer.render(resource("avatar-rgba.jp2"), PictureRenderer.OWN_SIZE, Encoding.AUTOMATIC);

        assertThat(decoded(rendered).getWidth()).isEqualTo(128);
        assertThat(decoded(renderer.render(resource("wide.webp"), PictureRenderer.OWN_SIZE, Encoding.JPEG)).getHeight())
                .isEqualTo(200);
    }

    @Test
    void rendersAPictureWhoseSidesAreExactlyAtTheCap() throws IOException {
        assertThat(decoded(new PictureRenderer(128).render(resource("avatar-rgba.jp2"), 64, Encoding.PNG)).getWidth())
                .isEqualTo(64);
    }

    @Test
    void rendersAPictureOfOnePixel() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", png);

        assertThat(decoded(new PictureRenderer(1).render(png.toByteArray(), 16, Encoding.PNG)).getWidth()).isEqualTo(16);
    }

    @Test
    void needsACapOfAtLeastOnePixel() {
        assertThatThrownBy(() -> new PictureRenderer(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSide must be positive");
    }

    @Test
    void refusesAPictureThatOutlastsTheDecodeBudget() {
        PictureRenderer hurried = new PictureRenderer(2048, java.time.Duration.ZERO);

        assertThatThrownBy(() -> hurried.render(resource("wide.png"), 64, Encoding.PNG))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("the picture takes longer than 0 ms to decode");
    }

    @Test
    void needsANonNegativeDecodeBudget() {
        assertThatThrownBy(() -> new PictureRenderer(16, java.time.Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("decodeBudget must not be negative");
    }
}
