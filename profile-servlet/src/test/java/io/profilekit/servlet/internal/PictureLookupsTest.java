package io.profilekit.servlet.internal;

import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.Version;
import io.profilekit.core.internal.Json;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.testkit.ForwardingProfileStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PictureLookupsTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static final byte[] JP2 = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A, 0, 0, 0, 0x14};

    /** Image documents as older tools stored them: JPEG 2000 labelled "jpeg", and bytes of no image format. */
    static final long MISLABELLED = 900;
    static final long NOT_AN_IMAGE = 901;

    private static RunningServer http;

    @BeforeAll
    static void start() throws Exception {
        InMemoryProfileStore memory = new InMemoryProfileStore();
        ProfileRepository.of(memory).create(Profile.builder().recordId(1L).userId("ada").build());
        ProfileRepository.of(memory).putPicture(1, ProfilePicture.of(PNG));
        http = RunningServer.start(ProfileRepository.of(new ForwardingProfileStore(memory) {
            @Override
            public CompletableFuture<Optional<StoredPicture>> findPicture(long pictureId) {
                if (pictureId == MISLABELLED) {
                    return CompletableFuture.completedFuture(Optional.of(seedDocument(pictureId, "jpeg", JP2)));
                }
                if (pictureId == NOT_AN_IMAGE) {
                    return CompletableFuture.completedFuture(Optional.of(seedDocument(pictureId, "svg+xml",
                            "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))));
                }
                return super.findPicture(pictureId);
            }
        }));
    }

    private static StoredPicture seedDocument(long id, String type, byte[] image) {
        String json = "{\"record_id\": " + id + ", \"type\": \"" + type + "\", \"image\": \""
                + Base64.getEncoder().encodeToString(image) + "\"}";
        return StoredPicture.ofJson(id, json.getBytes(StandardCharsets.UTF_8), new Version(1));
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
    }

    @Test
    void answersTheImageDocumentInTheSeedsArray() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/picture/record/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body).hasSize(1);
        assertThat(body.get(0).get("record_id").asLong()).isEqualTo(1);
        assertThat(body.get(0).get("type").asText()).isEqualTo("png");
        assertThat(Base64.getDecoder().decode(body.get(0).get("image").asText())).isEqualTo(PNG);
    }

    @Test
    void answersTheRawImageWithItsMediaTypeAndLength() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/picture/raw/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(PNG.length);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.body()).isEqualTo(PNG);
    }

    @Test
    void servesJpeg2000LabelledJpegAsWhatItIs() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/picture/raw/" + MISLABELLED);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jp2");
        assertThat(response.body()).isEqualTo(JP2);
    }

    @Test
    void servesStoredBytesOfNoImageFormatAsOctetStreamNeverAsTheirLabel() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/picture/raw/" + NOT_AN_IMAGE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void answersTheSeeds404ForAnUnknownPicture() throws Exception {
        for (String path : new String[] {"/api/v1/picture/raw/77", "/api/v1/picture/record/77",
            "/api/v1/picture/raw/x", "/api/v1/picture/record/", "/api/v1/picture/raw/1/2"}) {
            HttpResponse<byte[]> response = http.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(text(response)).as(path)
                    .isEqualTo("{\"status\":\"failure\",\"message\":{\"error\":\"Not Found\"}}");
        }
    }

    @Test
    void answers404ProblemForAPictureRouteThatDoesNotExist() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/picture/thumbnail/1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }
}
