package io.profilekit.core.pictures;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Test data: a well-formed 16 x 16 RGBA PNG whose image data inflates to 50 MiB (each row is a
 * filter byte and transparent pixels; the rows a decoder needs come first, then many more),
 * or to any other length, built with the JDK's deflater and CRC, not with profilekit's code.
 */
public final class PngBomb {

    public static final int SIDE = 16;
    public static final int INFLATED_BYTES = 50 << 20;
    /** What a 16 x 16 RGBA image's rows take: a filter byte and 64 bytes of pixels each. */
    public static final int NEEDED_BYTES = SIDE * (1 + SIDE * 4);

    private PngBomb() {
    }

    /** The bomb: data that inflates to 50 MiB, in one {@code IDAT} chunk. */
    public static byte[] bytes() {
        return bytes(INFLATED_BYTES, 1);
    }

    /**
     * A 16 x 16 RGBA PNG whose data inflates to {@code inflated} zero bytes, split over
     * {@code chunks} {@code IDAT} chunks after a {@code tEXt} chunk.
     */
    public static byte[] bytes(int inflated, int chunks) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        for (int fed = 0; fed < inflated; fed += zeros.length) {
            deflater.setInput(zeros, 0, Math.min(zeros.length, inflated - fed));
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(SIDE).putInt(SIDE).put((byte) 8).put((byte) 6).array());
        chunk(png, "tEXt", "Comment\0test data".getBytes(StandardCharsets.US_ASCII));
        byte[] data = compressed.toByteArray();
        int step = (data.length + chunks - 1) / chunks;
        for (int from = 0; from < data.length; from += step) {
            chunk(png, "IDAT", Arrays.copyOfRange(data, from, Math.min(data.length, from + step)));
        }
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
