package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void recognisesJpeg() {
        assertThat(ImageFormat.sniff(bytes(0xFF, 0xD8, 0xFF, 0xDB))).contains(ImageFormat.JPEG);
    }

    @Test
    void recognisesPng() {
        assertThat(ImageFormat.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)))
                .contains(ImageFormat.PNG);
    }

    @Test
    void recognisesBothGifVersions() {
        assertThat(ImageFormat.sniff("GIF87a..".getBytes(StandardCharsets.US_ASCII))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.sniff("GIF89a..".getBytes(StandardCharsets.US_ASCII))).contains(ImageFormat.GIF);
    }

    @Test
    void recognisesNoGifFromItsFirstFiveBytes() {
        assertThat(ImageFormat.sniff("GIF89".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void recognisesWebp() {
        assertThat(ImageFormat.sniff("RIFF\u0000\u0001\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
                .contains(ImageFormat.WEBP);
    }

    @Test
    void recognisesJpeg2000FileAndCodestream() {
        assertThat(ImageFormat.sniff(bytes(0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A)))
                .contains(ImageFormat.JPEG_2000);
        assertThat(ImageFormat.sniff(bytes(0xFF, 0x4F, 0xFF, 0x51, 0))).contains(ImageFormat.JPEG_2000_CODESTREAM);
    }

    @Test
    void refusesRiffThatIsNotWebp() {
        assertThat(ImageFormat.sniff("RIFF\u0000\u0001\u0000\u0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)))
                .isEmpty();
    }

    @Test
    void refusesSvgHtmlAndTruncatedSignatures() {
        assertThat(ImageFormat.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageFormat.sniff("<html><script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageFormat.sniff(bytes(0xFF, 0xD8))).isEmpty();
        assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
        assertThat(ImageFormat.sniff(null)).isEmpty();
    }
}
