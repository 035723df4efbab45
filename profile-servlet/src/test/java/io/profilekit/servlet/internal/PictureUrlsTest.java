package io.profilekit.servlet.internal;

import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.internal.Json;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.pictures.PictureSignatures;
import io.profilekit.core.pictures.PngBomb;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code picture_url} in the resource API's answers and {@code GET /pictures/{id}}, which an
 * {@code <img>} loads with no header: signatures, expiry, caching, re-encoding, default avatars.
 * Requests to picture URLs are sent exactly as a browser's image request would be: no token.
 */
class PictureUrlsTest {

    private static final String BROWSER = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
    private static final byte[] KEY = "a test key of at least thirty-two bytes".getBytes(StandardCharsets.US_ASCII);

    private final HttpClient browser = HttpClient.newHttpClient();
    private ProfileRepository memory;
    private RunningServer http;

    @BeforeEach
    void start() throws Exception {
        memory = ProfileRepository.of(new InMemoryProfileStore());
        memory.create(Profile.builder().recordId(1L).userId("ada").firstName("Ada").lastName("Lovelace").build());
        memory.putPicture(1, ProfilePicture.of(resource("wide.png")));
        memory.create(Profile.builder().recordId(2L).userId("grace").name("Grace Hopper").build());
        http = RunningServer.start(memory, builder -> builder.pictureSigningKey(KEY));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    static byte[] resource(String name) {
        try (InputStream in = PictureUrlsTest.class.getResourceAsStream("/io/profilekit/core/pictures/renderer/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String pictureUrl(long id) throws Exception {
        return Json.MAPPER.readTree(http.get("/api/v1/profiles/" + id).body()).get("picture_url").asText();
    }

    /** A GET with no token, as an {@code <img>} sends it, and {@code headers} (name, value...). */
    private HttpResponse<byte[]> load(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", BROWSER);
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        OpenApiContract.check("GET", URI.create(url).getPath(), response);
        return response;
    }

    private static BufferedImage image(HttpResponse<byte[]> response) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    @Test
    void aProfileAnswerCarriesAnAbsolutePictureUrl() throws Exception {
        StoredProfile ada = memory.findById(1).orElseThrow();

        assertThat(pictureUrl(1)).matches(java.util.regex.Pattern.quote(http.server.uri() + "/pictures/1?v=" + ada.version()
                + "&exp=") + "[0-9]+&sig=[A-Za-z0-9_-]{43}");
    }

    @Test
    void thePictureUrlLoadsWithoutATokenAsAnImageCachedAsImmutable() throws Exception {
        HttpResponse<byte[]> response = load(pictureUrl(1) + "&size=64");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).matches("public, max-age=[0-9]+, immutable");
        assertThat(image(response).getWidth()).isEqualTo(64);
        assertThat(image(response).getHeight()).isEqualTo(64);
    }

    @Test
    void aSignedUrlIsValidForBetweenOneAndTwoLifetimes() throws Exception {
        long expires = Long.parseLong(pictureUrl(1).replaceAll(".*&exp=([0-9]+)&.*", "$1"));
        long now = Instant.now().getEpochSecond();

        assertThat(expires - now).isBetween(Duration.ofDays(7).toSeconds() - 5, Duration.ofDays(14).toSeconds());
        String cacheControl = load(pictureUrl(1)).headers().firstValue("Cache-Control").orElseThrow();
        assertThat(Long.parseLong(cacheControl.replaceAll("\\D+", ""))).isBetween(expires - now - 5, expires - now);
    }

    @Test
    void aRepeatedRequestWithTheETagAnswers304() throws Exception {
        String url = pictureUrl(1) + "&size=64";
        String tag = load(url).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = load(url, "If-None-Match", tag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(tag);
    }

    @Test
    void aNewPictureChangesThePictureUrl() throws Exception {
        String before = pictureUrl(1);

        assertThat(http.send("PUT", "/api/v1/profiles/1/picture", resource("avatar-rgba.png")).statusCode()).isEqualTo(204);

        assertThat(pictureUrl(1)).isNotEqualTo(before);
    }

    @Test
    void aProfileWithoutAPictureShowsASilhouetteOfTheSizeAskedFor() throws Exception {
        HttpResponse<byte[]> response = load(pictureUrl(2) + "&size=64");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image(response).getWidth()).isEqualTo(64);
        assertThat(load(pictureUrl(2)).body()).isNotEqualTo(response.body());
        assertThat(image(load(pictureUrl(2))).getWidth()).isEqualTo(128);
    }

    @Test
    void defaultInitialsDrawsAnotherPictureThanTheSilhouette() throws Exception {
        HttpResponse<byte[]> initials = load(pictureUrl(2) + "&size=64&default=initials");

        assertThat(initials.statusCode()).isEqualTo(200);
        assertThat(initials.body()).isNotEqualTo(load(pictureUrl(2) + "&size=64").body());
    }

    @Test
    void default404AnswersNotFoundForAProfileWithoutAPicture() throws Exception {
        assertThat(load(pictureUrl(2) + "&default=404").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownDefaultIsA400SayingWhatIsAllowed() throws Exception {
        HttpResponse<byte[]> response = load(pictureUrl(2) + "&default=mp");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(text(response)).contains("default must be silhouette, initials or 404");
    }

    @Test
    void aUrlWithoutItsSignatureIs403() throws Exception {
        HttpResponse<byte[]> response = load(pictureUrl(1).replaceAll("&sig=.*", ""));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(text(response)).contains("not one this service signed");
    }

    @Test
    void aUrlWithAnotherVersionOrExpiryOrProfileIs403() throws Exception {
        String url = pictureUrl(1);

        assertThat(load(url.replace("?v=", "?v=1")).statusCode()).isEqualTo(403);
        assertThat(load(url.replaceAll("&exp=([0-9]+)", "&exp=9$1")).statusCode()).isEqualTo(403);
        assertThat(load(url.replace("/pictures/1?", "/pictures/2?")).statusCode()).isEqualTo(403);
    }

    @Test
    void aUrlForAProfileThatDoesNotExistIsRefusedExactlyAsOneForAProfileThatDoes() throws Exception {
        String url = pictureUrl(1).replaceAll("&sig=.*", "&sig=AAAA");

        HttpResponse<byte[]> existing = load(url);
        HttpResponse<byte[]> missing = load(url.replace("/pictures/1?", "/pictures/99?"));

        assertThat(missing.statusCode()).isEqualTo(existing.statusCode()).isEqualTo(403);
        assertThat(text(missing).replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(text(existing).replaceAll("\"instance\":\"[^\"]*\"", ""));
    }

    @Test
    void anExpiredUrlIs403SayingSo() throws Exception {
        StoredProfile ada = memory.findById(1).orElseThrow();
        long past = Instant.now().getEpochSecond() - 60;
        String signature = new PictureSignatures(KEY).sign(1, ada.version(), past);

        HttpResponse<byte[]> response = load(http.server.uri() + "/pictures/1?v=" + ada.version() + "&exp=" + past
                + "&sig=" + signature);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(text(response)).contains("has expired");
    }

    @Test
    void anUploadWithBytesAppendedIsServedReencodedWithoutThem() throws Exception {
        ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), "jpeg", polyglot);
        polyglot.writeBytes("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
        assertThat(http.send("PUT", "/api/v1/profiles/2/picture", polyglot.toByteArray()).statusCode()).isEqualTo(201);

        HttpResponse<byte[]> response = load(pictureUrl(2));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain("<html>");
        assertThat(image(response).getWidth()).isEqualTo(40);
    }

    @Test
    void formatOriginalAnswersTheStoredBytes() throws Exception {
        assertThat(load(pictureUrl(1) + "&format=original").body()).isEqualTo(resource("wide.png"));
    }

    @Test
    void theSeedsJpeg2000PictureIsAPngForABrowser() throws Exception {
        http.send("PUT", "/api/v1/profiles/1/picture", resource("avatar-rgba.jp2"));

        HttpResponse<byte[]> response = load(pictureUrl(1) + "&size=64");

        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image(response).getWidth()).isEqualTo(64);
    }

    @Test
    void aPngBombIsRefusedAtUploadWith422() throws Exception {
        HttpResponse<byte[]> response = http.send("PUT", "/api/v1/profiles/2/picture", PngBomb.bytes());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(text(response)).contains("inflates to more than its 16 x 16 pixels need");
        assertThat(memory.findById(2).orElseThrow().profile().picture()).isNull();
    }

    @Test
    void aPictureUrlSentBackInABodyIsNotStored() throws Exception {
        JsonNode ada = Json.MAPPER.readTree(http.get("/api/v1/profiles/1").body());

        HttpResponse<byte[]> response = http.json("PUT", "/api/v1/profiles/1", ada.toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(memory.findById(1).orElseThrow().profile().attributes()).doesNotContainKey("picture_url");
    }

    @Test
    void everyListedProfileCarriesItsPictureUrl() throws Exception {
        JsonNode page = Json.MAPPER.readTree(http.get("/api/v1/profiles").body());

        assertThat(page.get("items")).hasSize(2).allSatisfy(item -> assertThat(item.get("picture_url").asText())
                .startsWith(http.server.uri() + "/pictures/" + item.get("record_id").asLong() + "?v="));
    }

    @Test
    void anotherInstanceOnTheSameStoreAcceptsTheUrlsWithoutAConfiguredKey() throws Exception {
        try (RunningServer first = RunningServer.start(memory); RunningServer second = RunningServer.start(memory)) {
            String url = Json.MAPPER.readTree(first.get("/api/v1/profiles/1").body()).get("picture_url").asText();

            HttpResponse<byte[]> response = load(url.replace(first.server.uri().toString(), second.server.uri().toString()));

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void publicPicturesHaveUnsignedUrlsThatAnyoneMayLoad() throws Exception {
        try (RunningServer open = RunningServer.start(memory, builder -> builder.publicPictures(true))) {
            String url = Json.MAPPER.readTree(open.get("/api/v1/profiles/1").body()).get("picture_url").asText();

            assertThat(url).isEqualTo(open.server.uri() + "/pictures/1?v=" + memory.findById(1).orElseThrow().version());
            HttpResponse<byte[]> bare = load(open.server.uri() + "/pictures/1");
            assertThat(bare.statusCode()).isEqualTo(200);
            assertThat(bare.headers().firstValue("Cache-Control")).contains("public, no-cache");
        }
    }

    @Test
    void aConfiguredBaseUrlStartsEveryPictureUrl() throws Exception {
        try (RunningServer proxied = RunningServer.start(memory,
                builder -> builder.pictureBaseUrl("https://profiles.example.com/api/"))) {
            String url = Json.MAPPER.readTree(proxied.get("/api/v1/profiles/1").body()).get("picture_url").asText();

            assertThat(url).startsWith("https://profiles.example.com/api/pictures/1?v=");
        }
    }

    @Test
    void theResourceRouteAnswersADefaultAvatarOnlyWhenAskedFor() throws Exception {
        assertThat(http.get("/api/v1/profiles/2/picture").statusCode()).isEqualTo(404);

        HttpResponse<byte[]> avatar = http.get("/api/v1/profiles/2/picture?default=silhouette&size=32");

        assertThat(avatar.statusCode()).isEqualTo(200);
        assertThat(avatar.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(avatar.headers().firstValue("Cache-Control")).contains("private, no-cache");
        assertThat(image(avatar).getWidth()).isEqualTo(32);
    }
}
