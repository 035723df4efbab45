package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileJsonTest {

    /** A document as the seed's Python tools wrote it (json.dumps spacing). */
    private static final String SEED_DOCUMENT = """
            {"record_id": 1, "name": "Lisa Smith", "nickname": "lsmith", "picture": 1,
             "user_id": "lisasmith7294", "email": "lisa.smith@example.com", "email_verified": true,
             "first_name": "Lisa", "last_name": "Smith", "address": "6522 Lopez Estates",
             "city": "Lake Amy", "state": "CT", "zip_code": "06511", "phone": "(410) 555-2837",
             "date_of_birth": "03/14/1987"}""";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Test
    void readsEverySeedField() {
        Profile profile = ProfileJson.fromJson(utf8(SEED_DOCUMENT));

        assertThat(profile.recordId()).isEqualTo(1L);
        assertThat(profile.picture()).isEqualTo(1L);
        assertThat(profile.userId()).isEqualTo("lisasmith7294");
        assertThat(profile.emailVerified()).isTrue();
        assertThat(profile.zipCode()).isEqualTo("06511");
        assertThat(profile.dateOfBirth()).isEqualTo("03/14/1987");
        assertThat(profile.attributes()).isEmpty();
    }

    @Test
    void writesSeedFieldsInTheSeedsOrderAndLeavesAbsentOnesOut() {
        Profile profile = Profile.builder().recordId(5L).userId("ada").name("Ada").build();

        assertThat(text(ProfileJson.toJson(profile)))
                .isEqualTo("{\"record_id\":5,\"name\":\"Ada\",\"user_id\":\"ada\"}");
    }

    @Test
    void keepsUnknownAttributesAfterTheSeedFieldsInTheirOrder() {
        String json = "{\"zeta\":[1,{\"x\":null}],\"user_id\":\"ada\",\"alpha\":2.50}";

        Profile profile = ProfileJson.fromJson(utf8(json));

        assertThat(profile.attributes()).containsOnlyKeys("zeta", "alpha");
        assertThat(text(ProfileJson.toJson(profile)))
                .isEqualTo("{\"user_id\":\"ada\",\"zeta\":[1,{\"x\":null}],\"alpha\":2.50}");
    }

    @Test
    void aSeedDocumentSurvivesARoundTrip() {
        Profile profile = ProfileJson.fromJson(utf8(SEED_DOCUMENT));

        assertThat(ProfileJson.fromJson(ProfileJson.toJson(profile))).isEqualTo(profile);
    }

    @Test
    void treatsNullSeedFieldsAsAbsent() {
        Profile profile = ProfileJson.fromJson(utf8("{\"user_id\":\"ada\",\"email\":null}"));

        assertThat(profile.email()).isNull();
    }

    @Test
    void refusesASeedFieldOfTheWrongType() {
        assertThatThrownBy(() -> ProfileJson.fromJson(utf8("{\"record_id\":\"5\"}")))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("record_id must be an integer");
        assertThatThrownBy(() -> ProfileJson.fromJson(utf8("{\"zip_code\":12345}")))
                .hasMessage("zip_code must be a string");
        assertThatThrownBy(() -> ProfileJson.fromJson(utf8("{\"email_verified\":\"yes\"}")))
                .hasMessage("email_verified must be true or false");
        assertThatThrownBy(() -> ProfileJson.fromJson(utf8("{\"picture\":1.5}")))
                .hasMessage("picture must be an integer");
    }

    @Test
    void refusesJsonInUtf16OrUtf32AsNotUtf8() {
        String profile = "{\"user_id\":\"ada\"}";
        for (Charset charset : new Charset[] {
                StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16, Charset.forName("UTF-32")}) {
            assertThatThrownBy(() -> ProfileJson.fromJson(profile.getBytes(charset))).as(charset.name())
                    .isInstanceOf(MalformedProfileException.class).hasMessage("the body is not UTF-8; JSON must be");
            assertThatThrownBy(() -> ProfileJson.mergePatch(utf8(profile), profile.getBytes(charset)))
                    .as(charset.name()).isInstanceOf(MalformedProfileException.class);
        }
    }

    @Test
    void refusesANumberWhoseExponentNoDecimalCanHold() {
        assertThatThrownBy(() -> ProfileJson.fromJson(utf8("{\"user_id\":\"ada\",\"x\":1e99999999999}")))
                .isInstanceOf(MalformedProfileException.class).hasMessage("the body holds a number too large to read");
        assertThatThrownBy(() -> ProfileJson.mergePatch(utf8("{\"user_id\":\"ada\"}"), utf8("{\"x\":-3e18901234567890}")))
                .isInstanceOf(MalformedProfileException.class);
    }

    @Test
    void refusesARecordIdBeyondALong() {
        assertThatThrownBy(() -> ProfileJson.fromJson(utf8("{\"record_id\":99999999999999999999}")))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("record_id is too large");
    }

    @Test
    void refusesAnythingButAnObject() {
        assertThatThrownBy(() -> ProfileJson.fromJson(utf8("[{\"user_id\":\"ada\"}]")))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("a profile must be a JSON object");
        assertThatThrownBy(() -> ProfileJson.fromJson(utf8("")))
                .isInstanceOf(InvalidProfileException.class);
    }

    @Test
    void refusesMalformedJsonSayingWhere() {
        assertThatThrownBy(() -> ProfileJson.fromJson(utf8("{\"user_id\": ")))
                .isInstanceOf(MalformedProfileException.class)
                .hasMessageStartingWith("malformed JSON at line 1");
    }

    @Test
    void refusesDuplicateFields() {
        assertThatThrownBy(() -> ProfileJson.fromJson(utf8("{\"user_id\":\"a\",\"user_id\":\"b\"}")))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("Duplicate field 'user_id'");
    }

    @Test
    void refusesTrailingContent() {
        assertThatThrownBy(() -> ProfileJson.fromJson(utf8("{\"user_id\":\"a\"} {}")))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("unexpected content after the profile object");
    }

    @Test
    void refusesDeepNestingWithoutNamingInternals() {
        String deep = "{\"user_id\":\"a\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}";

        assertThatThrownBy(() -> ProfileJson.fromJson(utf8(deep)))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("nested deeper than")
                .message().doesNotContain("Jackson", "StreamReadConstraints", "java.");
    }

    @Test
    void readsAndWritesTheSeedsImageDocument() {
        byte[] image = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

        byte[] json = ProfileJson.pictureToJson(9, "jpeg", image);
        ProfileJson.ImageDocument document = ProfileJson.pictureFromJson(json);

        assertThat(text(json)).isEqualTo("{\"record_id\":9,\"type\":\"jpeg\",\"image\":\"/9j/AQID\"}");
        assertThat(document.type()).isEqualTo("jpeg");
        assertThat(document.image()).isEqualTo(image);
    }

    @Test
    void refusesAnImageDocumentWithoutDecodableImage() {
        assertThatThrownBy(() -> ProfileJson.pictureFromJson(utf8("{\"record_id\":1,\"type\":\"jpeg\"}")))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("the image document has no image");
        assertThatThrownBy(() -> ProfileJson.pictureFromJson(utf8("{\"image\":\"***\"}")))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("the image document's image is not valid base64");
    }

    @Test
    void nestedAttributeValuesComeBackAsPlainCollections() {
        Profile profile = ProfileJson.fromJson(utf8("{\"tags\":[\"a\"],\"meta\":{\"k\":true}}"));

        assertThat(profile.attributes().get("tags")).isEqualTo(List.of("a"));
        assertThat(profile.attributes().get("meta")).isEqualTo(Map.of("k", true));
    }

    @Test
    void aMergePatchChangesAddsAndRemovesMembers() {
        byte[] stored = utf8("{\"record_id\":1,\"user_id\":\"ada\",\"city\":\"London\",\"phone\":\"1\","
                + "\"settings\":{\"theme\":\"dark\",\"size\":12}}");

        Profile patched = ProfileJson.mergePatch(stored,
                utf8("{\"city\":\"Paris\",\"phone\":null,\"email\":\"a@b.org\",\"settings\":{\"size\":null,\"lang\":\"fr\"}}"));

        assertThat(patched.city()).isEqualTo("Paris");
        assertThat(patched.phone()).isNull();
        assertThat(patched.email()).isEqualTo("a@b.org");
        assertThat(patched.userId()).isEqualTo("ada");
        assertThat(patched.attributes().get("settings")).isEqualTo(Map.of("theme", "dark", "lang", "fr"));
    }

    @Test
    void aMergePatchMustBeAJsonObject() {
        byte[] stored = utf8("{\"user_id\":\"ada\"}");

        assertThatThrownBy(() -> ProfileJson.mergePatch(stored, utf8("[1]")))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("a merge patch of a profile must be a JSON object");
        assertThatThrownBy(() -> ProfileJson.mergePatch(stored, utf8("{\"city\":")))
                .isInstanceOf(MalformedProfileException.class);
        assertThatThrownBy(() -> ProfileJson.mergePatch(stored, utf8("")))
                .isInstanceOf(MalformedProfileException.class);
    }

    @Test
    void aMergePatchThatBreaksATypeIsInvalid() {
        assertThatThrownBy(() -> ProfileJson.mergePatch(utf8("{\"user_id\":\"ada\"}"), utf8("{\"record_id\":\"x\"}")))
                .isInstanceOf(InvalidProfileException.class)
                .isNotInstanceOf(MalformedProfileException.class)
                .hasMessage("record_id must be an integer");
    }

    @Test
    void readsEmailVerifiedFalseAsFalse() {
        assertThat(ProfileJson.fromJson(utf8("{\"user_id\":\"ada\",\"email_verified\":false}")).emailVerified())
                .isFalse();
    }

    @Test
    void refusesATwoByteDocumentInUtf16AsNotUtf8() {
        assertThatThrownBy(() -> ProfileJson.fromJson("1".getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOf(MalformedProfileException.class).hasMessage("the body is not UTF-8; JSON must be");
    }
}
