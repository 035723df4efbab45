package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.testkit.ProfileStoreCompatibilityKit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What {@link StoredProfile}, {@link StoredPicture} and {@link ProfilePicture} hold and hand out. */
class StoredDocumentsTest {

    private static final Version VERSION = new Version(7);

    @Test
    void aStoredProfileOverJsonParsesItOnFirstUseAndWritesTheBytesUnchanged() throws IOException {
        byte[] json = "{\"record_id\":3,\"user_id\":\"ada\" }".getBytes(StandardCharsets.UTF_8);

        StoredProfile stored = StoredProfile.ofJson(3, json, VERSION);

        assertThat(stored.profile().userId()).isEqualTo("ada");
        assertThat(stored.profile()).isSameAs(stored.profile());
        assertThat(stored.jsonLength()).isEqualTo(json.length);
        assertThat(written(stored::writeJson)).isEqualTo(json);
        assertThat(stored).hasToString("StoredProfile[recordId=3, version=" + VERSION + "]");
    }

    @Test
    void aStoredProfileNeedsARecordId() {
        assertThatThrownBy(() -> StoredProfile.of(Profile.builder().userId("ada").build(), VERSION))
                .isInstanceOf(InvalidProfileException.class).hasMessage("a stored profile needs its record_id");
    }

    @Test
    void aStoredPictureReadBackFromItsDocumentHandsOutTheImage() throws IOException {
        byte[] png = ProfileStoreCompatibilityKit.PNG;
        byte[] document = StoredPicture.of(5, ProfilePicture.of(png), VERSION).json();

        StoredPicture read = StoredPicture.ofJson(5, document, VERSION);

        assertThat(read.type()).isEqualTo("png");
        assertThat(read.format()).contains(ImageFormat.PNG);
        assertThat(read.mediaType()).isEqualTo("image/png");
        assertThat(read.image()).isEqualTo(png);
        assertThat(read.imageLength()).isEqualTo(png.length);
        assertThat(written(read::writeImage)).isEqualTo(png);
        assertThat(read.jsonLength()).isEqualTo(document.length);
        assertThat(written(read::writeJson)).isEqualTo(document);
        assertThat(read).hasToString("StoredPicture[recordId=5, image/png, " + png.length + " bytes, version=" + VERSION + "]");
    }

    @Test
    void aStoredPictureOfUnknownBytesIsServedAsOctets() {
        byte[] document = "{\"record_id\":5,\"type\":\"bmp\",\"image\":\"Qk0=\"}".getBytes(StandardCharsets.UTF_8);

        StoredPicture read = StoredPicture.ofJson(5, document, VERSION);

        assertThat(read.format()).isEmpty();
        assertThat(read.mediaType()).isEqualTo(StoredPicture.UNKNOWN_MEDIA_TYPE);
    }

    @Test
    void picturesAreEqualWhenTheirBytesAre() {
        ProfilePicture png = ProfilePicture.of(ProfileStoreCompatibilityKit.PNG);

        assertThat(png).isEqualTo(ProfilePicture.of(ProfileStoreCompatibilityKit.PNG))
                .hasSameHashCodeAs(ProfilePicture.of(ProfileStoreCompatibilityKit.PNG))
                .isNotEqualTo(ProfilePicture.of(ProfileStoreCompatibilityKit.JPEG))
                .hasToString("ProfilePicture[PNG, " + ProfileStoreCompatibilityKit.PNG.length + " bytes]");
    }

    private interface Writer {
        void writeTo(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] written(Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(out);
        return out.toByteArray();
    }
}
