package io.profilekit.core.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.ProfilePicture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageInspectorTest {

    static byte[] encoded(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0xFF8800 + x);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A PNG whose header declares the given size, with a valid CRC, and a tiny body. */
    static byte[] pngDeclaring(int width, int height) throws IOException {
        byte[] png = encoded("png", 1, 1);
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    private static ImageInspector.Dimensions check(byte[] bytes) {
        return ImageInspector.check(ProfilePicture.of(bytes), 2048);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png", "gif"})
    void acceptsWholeImagesAndReadsTheirSize(String format) throws IOException {
        assertThat(check(encoded(format, 300, 200))).isEqualTo(new ImageInspector.Dimensions(300, 200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png", "gif"})
    void refusesATruncatedImage(String format) throws IOException {
        byte[] whole = encoded(format, 300, 200);

        assertThatThrownBy(() -> check(Arrays.copyOf(whole, whole.length / 2)))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("the picture is truncated or corrupt");
    }

    @Test
    void refusesAPixelBombFromItsHeaderAlone() throws IOException {
        assertThatThrownBy(() -> check(pngDeclaring(50_000, 50_000)))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("the picture is 50000 x 50000 pixels; at most 2048 x 2048 are accepted");
    }

    @Test
    void readsTheSizeOfEachKindOfWebp() {
        byte[] extended = riff("VP8X", 30);
        ByteBuffer.wrap(extended, 24, 6).order(ByteOrder.LITTLE_ENDIAN).put((byte) 99).put((byte) 0).put((byte) 0)
                .put((byte) 49).put((byte) 0).put((byte) 0);
        byte[] lossy = riff("VP8 ", 30);
        lossy[23] = (byte) 0x9D;
        lossy[24] = 0x01;
        lossy[25] = 0x2A;
        ByteBuffer.wrap(lossy, 26, 4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 640).putShort((short) 480);
        byte[] lossless = riff("VP8L", 30);
        lossless[20] = 0x2F;
        ByteBuffer.wrap(lossless, 21, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((63) | (31 << 14));

        assertThat(check(extended)).isEqualTo(new ImageInspector.Dimensions(100, 50));
        assertThat(check(lossy)).isEqualTo(new ImageInspector.Dimensions(640, 480));
        assertThat(check(lossless)).isEqualTo(new ImageInspector.Dimensions(64, 32));
    }

    @Test
    void refusesAWebpShorterThanItsRiffHeaderSays() {
        byte[] webp = riff("VP8X", 30);
        ByteBuffer.wrap(webp, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(10_000);

        assertThatThrownBy(() -> check(webp)).hasMessage("the picture is truncated or corrupt");
    }

    @Test
    void readsTheSizeOfAJpeg2000FileAndCodestream() {
        byte[] jp2 = jp2WithImageHeader(64);
        byte[] j2k = new byte[40];
        ByteBuffer.wrap(j2k).put((byte) 0xFF).put((byte) 0x4F).put((byte) 0xFF).put((byte) 0x51)
                .putShort((short) 41).putShort((short) 0).putInt(300).putInt(200).putInt(10).putInt(20);

        assertThat(check(jp2)).isEqualTo(new ImageInspector.Dimensions(160, 120));
        assertThat(check(j2k)).isEqualTo(new ImageInspector.Dimensions(290, 180));
    }

    @Test
    void refusesAJpeg2000WithoutImageHeader() {
        byte[] jp2 = new byte[64];
        System.arraycopy(new byte[] {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A}, 0, jp2, 0, 12);

        assertThatThrownBy(() -> check(jp2)).hasMessage("the picture is truncated or corrupt");
    }

    @Test
    void acceptsSidesOfOnePixel() {
        assertThat(check(lossyWebp(1, 1))).isEqualTo(new ImageInspector.Dimensions(1, 1));
    }

    @Test
    void refusesASideOfZeroPixels() {
        assertThatThrownBy(() -> check(lossyWebp(0, 10))).hasMessage("the picture is truncated or corrupt");
        assertThatThrownBy(() -> check(lossyWebp(10, 0))).hasMessage("the picture is truncated or corrupt");
    }

    @Test
    void acceptsSidesExactlyAtTheCapAndRefusesOnePixelMore() {
        assertThat(ImageInspector.check(ProfilePicture.of(lossyWebp(2048, 2048)), 2048))
                .isEqualTo(new ImageInspector.Dimensions(2048, 2048));
        assertThatThrownBy(() -> ImageInspector.check(ProfilePicture.of(lossyWebp(2049, 2048)), 2048))
                .hasMessage("the picture is 2049 x 2048 pixels; at most 2048 x 2048 are accepted");
        assertThatThrownBy(() -> ImageInspector.check(ProfilePicture.of(lossyWebp(2048, 2049)), 2048))
                .hasMessage("the picture is 2048 x 2049 pixels; at most 2048 x 2048 are accepted");
    }

    @Test
    void refusesAWebpOneByteShorterThanItsRiffHeaderSays() {
        byte[] webp = lossyWebp(10, 10);
        ByteBuffer.wrap(webp, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(webp.length - 7);

        assertThatThrownBy(() -> check(webp)).hasMessage("the picture is truncated or corrupt");
    }

    @Test
    void readsAllFourBytesOfARiffSize() {
        byte[] webp = lossyWebp(10, 10);
        ByteBuffer.wrap(webp, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x0100_0000 + webp.length - 8);

        assertThatThrownBy(() -> check(webp)).hasMessage("the picture is truncated or corrupt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VP8 ", "VP8L"})
    void refusesAWebpChunkWithoutItsSignature(String chunk) {
        assertThatThrownBy(() -> check(riff(chunk, 30))).hasMessage("the picture is truncated or corrupt");
    }

    @Test
    void refusesAWebpWhoseFirstChunkIsUnknown() {
        assertThatThrownBy(() -> check(riff("ALPH", 30))).hasMessage("the picture is truncated or corrupt");
    }

    @Test
    void readsAllFourBytesOfAJpeg2000HeaderValue() {
        byte[] j2k = codestream(28, 0x0102_0304, 0x0003_0201);

        assertThatThrownBy(() -> check(j2k))
                .hasMessage("the picture is 16909060 x 197121 pixels; at most 2048 x 2048 are accepted");
    }

    @Test
    void findsAnImageHeaderBoxThatEndsTheFile() {
        byte[] jp2 = jp2WithImageHeader(52);

        assertThat(check(jp2)).isEqualTo(new ImageInspector.Dimensions(160, 120));
    }

    @Test
    void acceptsTheShortestCodestreamWithASizeSegment() {
        assertThat(check(codestream(28, 300, 200))).isEqualTo(new ImageInspector.Dimensions(300, 200));
    }

    @Test
    void refusesACodestreamCutInsideItsSizeSegment() {
        byte[] cut = Arrays.copyOf(codestream(28, 300, 200), 27);

        assertThatThrownBy(() -> check(cut)).isInstanceOf(InvalidProfileException.class)
                .hasMessage("the picture is truncated or corrupt");
    }

    /** A JP2 file of {@code length} bytes whose image header box, at byte 40, says 160 x 120. */
    private static byte[] jp2WithImageHeader(int length) {
        byte[] jp2 = new byte[length];
        System.arraycopy(new byte[] {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A}, 0, jp2, 0, 12);
        System.arraycopy("ihdr".getBytes(StandardCharsets.US_ASCII), 0, jp2, 40, 4);
        ByteBuffer.wrap(jp2, 44, 8).putInt(120).putInt(160);
        return jp2;
    }

    /** A J2K codestream of {@code length} bytes: SOC, then a SIZ segment with no image offset. */
    private static byte[] codestream(int length, int width, int height) {
        byte[] j2k = new byte[length];
        ByteBuffer.wrap(j2k).put((byte) 0xFF).put((byte) 0x4F).put((byte) 0xFF).put((byte) 0x51)
                .putShort((short) 41).putShort((short) 0).putInt(width).putInt(height);
        return j2k;
    }

    /** A lossy (VP8) WebP header declaring the given size. */
    private static byte[] lossyWebp(int width, int height) {
        byte[] lossy = riff("VP8 ", 30);
        lossy[23] = (byte) 0x9D;
        lossy[24] = 0x01;
        lossy[25] = 0x2A;
        ByteBuffer.wrap(lossy, 26, 4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) width).putShort((short) height);
        return lossy;
    }

    private static byte[] riff(String chunk, int length) {
        byte[] bytes = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(length - 8)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(chunk.getBytes(StandardCharsets.US_ASCII));
        return bytes;
    }

    @Test
    void refusesAPngWhoseDataInflatesFarBeyondItsDimensions() throws IOException {
        byte[] bomb = PngBomb.bytes();
        BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(bomb));
        assertThat(decoded.getWidth()).as("a decoder takes it for a 16 x 16 image").isEqualTo(16);

        assertThatThrownBy(() -> check(bomb)).isInstanceOf(InvalidProfileException.class)
                .hasMessage("the picture's image data inflates to more than its 16 x 16 pixels need");
    }

    @Test
    void acceptsAnInterlacedPng() throws IOException {
        BufferedImage image = new BufferedImage(301, 203, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < 301; x++) {
            image.setRGB(x, x % 203, 0x80FF8800 + x);
        }
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        }
        byte[] png = out.toByteArray();
        assertThat(png[28]).as("interlace method: Adam7").isEqualTo((byte) 1);

        assertThat(check(png)).isEqualTo(new ImageInspector.Dimensions(301, 203));
    }

    /** Twice what the rows need, and 1024 bytes of slack for interlacing and padding. */
    private static final int PNG_DATA_LIMIT = 2 * PngBomb.NEEDED_BYTES + 1024;

    @Test
    void acceptsPngDataUpToTwiceWhatItsRowsNeedAndTheSlack() {
        assertThat(check(PngBomb.bytes(PNG_DATA_LIMIT, 1))).isEqualTo(new ImageInspector.Dimensions(16, 16));
        assertThat(check(PngBomb.bytes(PngBomb.NEEDED_BYTES, 3))).isEqualTo(new ImageInspector.Dimensions(16, 16));
    }

    @Test
    void refusesPngDataOneByteBeyondTheLimit() {
        assertThatThrownBy(() -> check(PngBomb.bytes(PNG_DATA_LIMIT + 1, 1))).isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("inflates to more than");
    }

    @Test
    void countsTheDataOfEveryIdatChunk() {
        assertThatThrownBy(() -> check(PngBomb.bytes(PNG_DATA_LIMIT + 1, 4))).isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("inflates to more than");
    }
}
