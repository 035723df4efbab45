package io.profilekit.core;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * A picture as a repository holds it: the image document in the seed's form
 * ({@code {"record_id":..,"type":"jpeg","image":"<base64>"}}), the image bytes it carries, and
 * its current {@link Version}.
 *
 * <p>Stored data may label an image wrongly (older tools wrote JPEG 2000 as {@code jpeg}), so
 * {@link #mediaType()} comes from the bytes, not from {@link #type()}. Immutable.
 */
public final class StoredPicture implements StoredDocument {

    /** Sent for stored bytes that are no image format profilekit recognises. */
    public static final String UNKNOWN_MEDIA_TYPE = "application/octet-stream";

    private final long recordId;
    private final Version version;
    private final String type;
    private final byte[] image;
    private final byte[] json;
    private final ImageFormat format;

    private StoredPicture(long recordId, Version version, String type, byte[] image, byte[] json) {
        this.recordId = recordId;
        this.version = Objects.requireNonNull(version, "version");
        this.type = type;
        this.image = image;
        this.json = json;
        this.format = ImageFormat.sniff(image).orElse(null);
    }

    /** A stored picture for {@code picture} under image record id {@code recordId}. */
    public static StoredPicture of(long recordId, ProfilePicture picture, Version version) {
        String type = picture.format().type();
        byte[] image = picture.unsafeBytes();
        return new StoredPicture(recordId, version, type, image,
                ProfileJson.pictureToJson(recordId, type, image));
    }

    /**
     * A stored picture over an image document's bytes as a store returned them.
     *
     * @throws InvalidProfileException when the document has no decodable {@code image}
     */
    public static StoredPicture ofJson(long recordId, byte[] json, Version version) {
        ProfileJson.ImageDocument document = ProfileJson.pictureFromJson(json);
        return new StoredPicture(recordId, version, document.type(), document.image(), json);
    }

    /** The image's record id: the value of {@code picture} in the profile that shows it. */
    @Override
    public long recordId() {
        return recordId;
    }

    @Override
    public Version version() {
        return version;
    }

    /** The {@code type} label stored with the image; may be absent or wrong in older data. */
    public String type() {
        return type;
    }

    /** The format recognised from the image bytes, if any. */
    public Optional<ImageFormat> format() {
        return Optional.ofNullable(format);
    }

    /** The media type to serve the bytes as: the recognised format's, else octet-stream. */
    public String mediaType() {
        return format == null ? UNKNOWN_MEDIA_TYPE : format.mediaType();
    }

    /** A copy of the image bytes. */
    public byte[] image() {
        return image.clone();
    }

    /** The size of the image in bytes. */
    public int imageLength() {
        return image.length;
    }

    /** Writes the image bytes to {@code out}. */
    public void writeImage(OutputStream out) throws IOException {
        out.write(image);
    }

    /** A copy of the stored image document. */
    public byte[] json() {
        return json.clone();
    }

    /** The length of the stored image document in bytes. */
    @Override
    public int jsonLength() {
        return json.length;
    }

    /** Writes the stored image document, unchanged, to {@code out}. */
    @Override
    public void writeJson(OutputStream out) throws IOException {
        out.write(json);
    }

    @Override
    public String toString() {
        return "StoredPicture[recordId=" + recordId + ", " + mediaType() + ", "
                + image.length + " bytes, version=" + version + "]";
    }
}
