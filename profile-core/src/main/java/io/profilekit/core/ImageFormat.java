package io.profilekit.core;

import java.util.Optional;

/**
 * The picture formats profilekit stores and serves, recognised by their magic bytes rather
 * than by any label a client or an older tool attached (existing data labels JPEG 2000 as
 * {@code jpeg}; uploads may claim anything).
 */
public enum ImageFormat {
    JPEG("image/jpeg", "jpeg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    /** JPEG 2000 in its JP2 file format, as image libraries write it by default. */
    JPEG_2000("image/jp2", "jp2"),
    /** A bare JPEG 2000 codestream without the JP2 wrapper. */
    JPEG_2000_CODESTREAM("image/j2c", "j2c");

    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'
    };
    private static final byte[] JP2_SIGNATURE = {
        0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', '\r', '\n', (byte) 0x87, '\n'
    };
    private static final byte[] J2K_SIGNATURE = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51};

    private final String mediaType;
    private final String type;

    ImageFormat(String mediaType, String type) {
        this.mediaType = mediaType;
        this.type = type;
    }

    /** The media type to send in {@code Content-Type}. */
    public String mediaType() {
        return mediaType;
    }

    /** The short name stored in the {@code type} field of an image document. */
    public String type() {
        return type;
    }

    /** Recognises the format from the first bytes of {@code data}; empty when none matches. */
    public static Optional<ImageFormat> sniff(byte[] data) {
        if (data == null) {
            return Optional.empty();
        }
        if (startsWith(data, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(data, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(data, 0, (byte) 'G', (byte) 'I', (byte) 'F', (byte) '8')
                && data.length > 5
                && (data[4] == '7' || data[4] == '9')
                && data[5] == 'a') {
            return Optional.of(GIF);
        }
        if (startsWith(data, 0, (byte) 'R', (byte) 'I', (byte) 'F', (byte) 'F')
                && startsWith(data, 8, (byte) 'W', (byte) 'E', (byte) 'B', (byte) 'P')) {
            return Optional.of(WEBP);
        }
        if (startsWith(data, 0, JP2_SIGNATURE)) {
            return Optional.of(JPEG_2000);
        }
        if (startsWith(data, 0, J2K_SIGNATURE)) {
            return Optional.of(JPEG_2000_CODESTREAM);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, byte... prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
