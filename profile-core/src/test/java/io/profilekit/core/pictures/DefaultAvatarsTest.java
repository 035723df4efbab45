package io.profilekit.core.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.pictures.DefaultAvatars.Style;
import io.profilekit.core.pictures.PictureRenderer.Encoding;
import io.profilekit.core.pictures.PictureRenderer.Rendered;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DefaultAvatarsTest {

    private static final Profile ADA = Profile.builder().recordId(7L).userId("ada1815").name("Ada King")
            .firstName("Ada").lastName("Lovelace").build();

    @Test
    void aSilhouetteIsAPngOfTheSizeAskedFor() throws IOException {
        Rendered avatar = DefaultAvatars.render(ADA, Style.SILHOUETTE, 64, Encoding.AUTOMATIC);

        assertThat(avatar.mediaType()).isEqualTo("image/png");
        BufferedImage image = decode(avatar);
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(64);
    }

    @Test
    void aSilhouetteIsAJpegWhenAskedFor() {
        assertThat(DefaultAvatars.render(ADA, Style.SILHOUETTE, 64, Encoding.JPEG).mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void theSameProfileAlwaysGetsTheSameAvatar() {
        assertThat(DefaultAvatars.render(ADA, Style.SILHOUETTE, 64, Encoding.PNG).bytes())
                .isEqualTo(DefaultAvatars.render(ADA, Style.SILHOUETTE, 64, Encoding.PNG).bytes());
    }

    @Test
    void profilesWithOtherRecordIdsGetOtherBackgrounds() throws IOException {
        Profile other = ADA.withRecordId(8L);

        int corner = decode(DefaultAvatars.render(ADA, Style.SILHOUETTE, 64, Encoding.PNG)).getRGB(0, 0);
        int otherCorner = decode(DefaultAvatars.render(other, Style.SILHOUETTE, 64, Encoding.PNG)).getRGB(0, 0);

        assertThat(otherCorner).isNotEqualTo(corner);
    }

    @Test
    void theSilhouetteHasTheBackgroundInItsCornerAndTheFigureInItsMiddle() throws IOException {
        BufferedImage image = decode(DefaultAvatars.render(ADA, Style.SILHOUETTE, 64, Encoding.PNG));

        assertThat(image.getRGB(32, 20)).isNotEqualTo(image.getRGB(0, 0));
        assertThat(image.getRGB(32, 60)).isNotEqualTo(image.getRGB(0, 0));
    }

    @Test
    void initialsDrawSomethingElseThanTheSilhouetteOnTheSameBackground() throws IOException {
        BufferedImage silhouette = decode(DefaultAvatars.render(ADA, Style.SILHOUETTE, 64, Encoding.PNG));
        BufferedImage initials = decode(DefaultAvatars.render(ADA, Style.INITIALS, 64, Encoding.PNG));

        assertThat(initials.getRGB(0, 0)).isEqualTo(silhouette.getRGB(0, 0));
        assertThat(initials.getRGB(32, 60)).isEqualTo(initials.getRGB(0, 0));
        assertThat(figurePixels(initials)).isPositive().isNotEqualTo(figurePixels(silhouette));
    }

    @Test
    void aProfileWithoutALetterInItsNamesGetsTheSilhouetteForInitials() {
        Profile nameless = Profile.builder().recordId(7L).userId("x").name("!!").build();

        assertThat(DefaultAvatars.render(nameless, Style.INITIALS, 64, Encoding.PNG).bytes())
                .isEqualTo(DefaultAvatars.render(nameless, Style.SILHOUETTE, 64, Encoding.PNG).bytes());
    }

    @Test
    void initialsComeFromFirstAndLastNameFirst() {
        assertThat(DefaultAvatars.initials(ADA)).isEqualTo("AL");
    }

    @Test
    void initialsComeFromTheFirstAndLastWordsOfTheNameWithoutFirstAndLastName() {
        Profile profile = Profile.builder().userId("g").name("grace brewster hopper").build();

        assertThat(DefaultAvatars.initials(profile)).isEqualTo("GH");
    }

    @Test
    void initialsComeFromTheNicknameWithoutAnyName() {
        Profile profile = Profile.builder().userId("g").nickname("  émile").build();

        assertThat(DefaultAvatars.initials(profile)).isEqualTo("É");
    }

    @Test
    void aSilhouetteDrawsThreeFloatsThenTwoDoublesAsTheSampleDataAlwaysHas() {
        Random drawn = new Random(42);
        DefaultAvatars.silhouette(drawn, 32);
        Random expected = new Random(42);
        expected.nextFloat();
        expected.nextFloat();
        expected.nextFloat();
        expected.nextDouble();
        expected.nextDouble();

        assertThat(drawn.nextLong()).as("the sample data's next draws stay where they were").isEqualTo(expected.nextLong());
    }

    @Test
    void aSilhouetteTakesItsBackgroundFromTheFirstThreeDraws() {
        Random random = new Random(42);
        float hue = random.nextFloat();
        Color background = Color.getHSBColor(hue, 0.45f + random.nextFloat() * 0.3f,
                0.55f + random.nextFloat() * 0.3f);

        assertThat(DefaultAvatars.silhouette(new Random(42), 32).getRGB(0, 0)).isEqualTo(background.getRGB());
    }

    @Test
    void initialsAreCentredAndAboutTwoFifthsOfTheSideTall() throws IOException {
        BufferedImage image = decode(DefaultAvatars.render(ADA, Style.INITIALS, 128, Encoding.PNG));
        int background = image.getRGB(0, 0);
        int left = 128, right = -1, top = 128, bottom = -1;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                if (image.getRGB(x, y) != background) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }

        assertThat((left + right) / 2).isBetween(61, 66);
        assertThat((top + bottom) / 2).isBetween(61, 66);
        assertThat(bottom - top + 1).as("the height of capital letters at 0.42 of the side").isBetween(30, 50);
    }

    private static long figurePixels(BufferedImage image) {
        int background = image.getRGB(0, 0);
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    count++;
                }
            }
        }
        return count;
    }

    private static BufferedImage decode(Rendered rendered) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(rendered.bytes()));
    }
}
