package io.profilekit.core;

import java.util.Arrays;

/**
 * A picture to store: image bytes whose format was recognised from their magic bytes, so that
 * nothing but a JPEG, PNG, GIF, WebP or JPEG 2000 image is ever stored as a profile picture.
 */
public final class ProfilePicture {

    private final ImageFormat format;
    private final byte[] bytes;

    private ProfilePicture(ImageFormat format, byte[] bytes) {
        this.format = format;
        this.bytes = bytes;
    }

    /**
     * Wraps a copy of {@code bytes}.
     *
     * @throws InvalidProfileException when the bytes are empty
     * @throws UnsupportedPictureException when they are no supported image format
     */
    public static ProfilePicture of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidProfileException("the picture is empty");
        }
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new UnsupportedPictureException(
                "the picture is not a JPEG, PNG, GIF, WebP or JPEG 2000 image"));
        return new ProfilePicture(format, bytes.clone());
    }

    /** The format recognised from the bytes. */
    public ImageFormat format() {
        return format;
    }

    /** A copy of the image bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The size of the image in bytes. */
    public int size() {
        return bytes.length;
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProfilePicture that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ProfilePicture[" + format + ", " + bytes.length + " bytes]";
    }
}
