package io.profilekit.servlet.internal.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.ImageFormat;
import io.profilekit.core.pictures.DefaultAvatars;
import io.profilekit.core.pictures.PictureRenderer;
import io.profilekit.core.pictures.PictureRenderer.Encoding;
import io.profilekit.servlet.internal.http.HttpProblem;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PictureVariantTest {

    private static final String BROWSER = "image/avif,image/webp,image/*,*/*;q=0.8";
    private static final Optional<ImageFormat> JP2 = Optional.of(ImageFormat.JPEG_2000);
    private static final Optional<ImageFormat> JPEG = Optional.of(ImageFormat.JPEG);

    @Test
    void withoutParametersAPictureBrowsersShowIsAnsweredAsStored() {
        assertThat(PictureVariant.of(null, null, BROWSER, JPEG)).isEmpty();
        assertThat(PictureVariant.of(null, null, null, Optional.of(ImageFormat.WEBP))).isEmpty();
    }

    @Test
    void withoutParametersJpeg2000IsRenderedAtItsOwnSizeUnlessAcceptNamesIt() {
        assertThat(PictureVariant.of(null, null, BROWSER, JP2))
                .contains(new PictureVariant(PictureRenderer.OWN_SIZE, Encoding.AUTOMATIC));
        assertThat(PictureVariant.of(null, null, null, Optional.of(ImageFormat.JPEG_2000_CODESTREAM))).isPresent();
        assertThat(PictureVariant.of(null, null, "IMAGE/JP2", JP2)).isEmpty();
    }

    @Test
    void bytesOfNoKnownFormatAreAnsweredAsStored() {
        assertThat(PictureVariant.of(null, null, BROWSER, Optional.empty())).isEmpty();
    }

    @Test
    void formatOriginalIsTheStoredBytesEvenForJpeg2000() {
        assertThat(PictureVariant.of(null, "original", BROWSER, JP2)).isEmpty();
    }

    @Test
    void aFormatWithoutSizeRendersAtTheOwnSize() {
        assertThat(PictureVariant.of(null, "png", BROWSER, JPEG))
                .contains(new PictureVariant(PictureRenderer.OWN_SIZE, Encoding.PNG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"16", "64", "999", "1024"})
    void aSizeFrom16To1024IsASquareOfThatSide(String size) {
        assertThat(PictureVariant.of(size, null, BROWSER, JPEG))
                .contains(new PictureVariant(Integer.parseInt(size), Encoding.AUTOMATIC));
        assertThat(PictureVariant.of(size, "jpeg", BROWSER, JPEG))
                .contains(new PictureVariant(Integer.parseInt(size), Encoding.JPEG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"15", "1025", "", "abc", "-64", "0064x", "99999", "64.0"})
    void anySizeElseIs400(String size) {
        assertThatThrownBy(() -> PictureVariant.of(size, null, BROWSER, JPEG)).isInstanceOf(HttpProblem.class)
                .hasMessage("size must be a whole number of pixels from 16 to 1024");
    }

    @Test
    void anUnknownFormatIs400() {
        assertThatThrownBy(() -> PictureVariant.of(null, "gif", BROWSER, JPEG))
                .hasMessage("format must be original, jpeg or png");
    }

    @Test
    void sizeWithFormatOriginalIs400() {
        assertThatThrownBy(() -> PictureVariant.of("64", "original", BROWSER, JPEG))
                .hasMessage("size cannot be combined with format=original, the stored bytes");
    }

    @Test
    void eachVariantHasItsOwnTagSuffix() {
        assertThat(new PictureVariant(64, Encoding.PNG).tagSuffix()).isEqualTo("s64-png");
        assertThat(new PictureVariant(PictureRenderer.OWN_SIZE, Encoding.AUTOMATIC).tagSuffix()).isEqualTo("own-automatic");
    }

    @Test
    void aPictureUrlReencodesEvenAPictureBrowsersShow() {
        assertThat(PictureVariant.reencoded(null, null, BROWSER, Optional.of(ImageFormat.WEBP)))
                .contains(new PictureVariant(PictureRenderer.OWN_SIZE, Encoding.AUTOMATIC));
        assertThat(PictureVariant.reencoded("64", null, null, JPEG)).contains(new PictureVariant(64, Encoding.AUTOMATIC));
    }

    @Test
    void aPictureUrlKeepsTheStoredJpegOrPngTypeThatAcceptNames() {
        assertThat(PictureVariant.reencoded(null, null, "image/jpeg", JPEG))
                .contains(new PictureVariant(PictureRenderer.OWN_SIZE, Encoding.JPEG));
        assertThat(PictureVariant.reencoded("32", null, "image/png", Optional.of(ImageFormat.PNG)))
                .contains(new PictureVariant(32, Encoding.PNG));
    }

    @Test
    void aPictureUrlAnswersStoredBytesOnlyForFormatOriginalOrAnAcceptNamingJpeg2000() {
        assertThat(PictureVariant.reencoded(null, "original", BROWSER, JPEG)).isEmpty();
        assertThat(PictureVariant.reencoded(null, null, "image/jp2", JP2)).isEmpty();
        assertThat(PictureVariant.reencoded("64", null, "image/jp2", JP2)).isPresent();
        assertThat(PictureVariant.reencoded(null, null, BROWSER, JP2)).isPresent();
    }

    @Test
    void aPictureUrlRefusesSizeWithFormatOriginal() {
        assertThatThrownBy(() -> PictureVariant.reencoded("64", "original", BROWSER, JPEG))
                .isInstanceOf(HttpProblem.class).hasMessage("size cannot be combined with format=original, the stored bytes");
    }

    @Test
    void defaultNamesADefaultAvatarOr404() {
        Optional<DefaultAvatars.Style> silhouette = Optional.of(DefaultAvatars.Style.SILHOUETTE);

        assertThat(PictureVariant.defaultAvatar(null, silhouette)).isEqualTo(silhouette);
        assertThat(PictureVariant.defaultAvatar(null, Optional.empty())).isEmpty();
        assertThat(PictureVariant.defaultAvatar("initials", Optional.empty())).contains(DefaultAvatars.Style.INITIALS);
        assertThat(PictureVariant.defaultAvatar("silhouette", Optional.empty())).isEqualTo(silhouette);
        assertThat(PictureVariant.defaultAvatar("404", silhouette)).isEmpty();
    }

    @Test
    void anyOtherDefaultIs400() {
        assertThatThrownBy(() -> PictureVariant.defaultAvatar("mp", Optional.empty())).isInstanceOf(HttpProblem.class)
                .hasMessage("default must be silhouette, initials or 404");
    }

    @Test
    void aDefaultAvatarIs128PixelsAndAutomaticUnlessAsked() {
        assertThat(PictureVariant.avatarSide(null)).isEqualTo(128);
        assertThat(PictureVariant.avatarSide("16")).isEqualTo(16);
        assertThat(PictureVariant.avatarEncoding(null)).isEqualTo(Encoding.AUTOMATIC);
        assertThat(PictureVariant.avatarEncoding("jpeg")).isEqualTo(Encoding.JPEG);
        assertThatThrownBy(() -> PictureVariant.avatarEncoding("original")).isInstanceOf(HttpProblem.class)
                .hasMessageContaining("a default avatar has none");
    }
}
