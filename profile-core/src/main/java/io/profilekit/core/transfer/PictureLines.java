package io.profilekit.core.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.StoredPicture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A picture in an export with pictures: the line after its profile's,
 * {@code {"picture_of":12,"user_images":{"record_id":12,"type":"jpeg","image":"<base64>"}}}, the
 * picture document as the store keeps it.
 */
final class PictureLines {

    private static final byte[] START = "{\"picture_of\":".getBytes(StandardCharsets.UTF_8);

    private PictureLines() {
    }

    static void write(OutputStream out, long profileId, StoredPicture picture) throws IOException {
        out.write(START);
        out.write(Long.toString(profileId).getBytes(StandardCharsets.UTF_8));
        out.write(",\"user_images\":".getBytes(StandardCharsets.UTF_8));
        picture.writeJson(out);
        out.write('}');
        out.write('\n');
    }

    /** Whether a record is a picture line. */
    static boolean is(byte[] record) {
        if (record.length < START.length) {
            return false;
        }
        for (int i = 0; i < START.length; i++) {
            if (record[i] != START[i]) {
                return false;
            }
        }
        return true;
    }

    /** The image a picture line holds. */
    static byte[] image(byte[] record) {
        JsonNode image = ForeignUsers.object(record).path("user_images").path("image");
        if (!image.isTextual()) {
            throw new InvalidProfileException("a picture line's user_images has no base64 image");
        }
        try {
            return Base64.getMimeDecoder().decode(image.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidProfileException("a picture line's image is not base64");
        }
    }
}
