package io.profilekit.servlet.internal;

import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.testkit.Concurrently;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/profiles/{id}/picture} (and the seed's {@code /api/v1/picture/raw/{id}})
 * rendering a stored picture: the seed's kind of JPEG 2000
 * avatar (a 128 x 128 RGBA JP2 made by opj_compress, from profile-core's test resources), a PNG,
 * and a JPEG 2000 cut short.
 */
class PictureRenderingTest {

    private static final String BROWSER = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
    private static final byte[] SEED_AVATAR = resource("avatar-rgba.jp2");
    private static final byte[] WIDE_PNG = resource("wide.png");
    private static RunningServer http;

    private static byte[] resource(String name) {
        try (InputStream in = PictureRenderingTest.class.getResourceAsStream("/io/profilekit/core/pictures/renderer/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        ProfileRepository memory = ProfileRepository.of(new InMemoryProfileStore());
        memory.create(Profile.builder().recordId(1L).userId("ada").build());
        memory.putPicture(1, ProfilePicture.of(SEED_AVATAR));
        memory.create(Profile.builder().recordId(2L).userId("grace").build());
        memory.putPicture(2, ProfilePicture.of(WIDE_PNG));
        memory.create(Profile.builder().recordId(4L).userId("changes").build());
        memory.putPicture(4, ProfilePicture.of(WIDE_PNG));
        memory.create(Profile.builder().recordId(3L).userId("cut").build());
        memory.putPicture(3, ProfilePicture.of(Arrays.copyOf(SEED_AVATAR, SEED_AVATAR.length / 3)));
        memory.create(Profile.builder().recordId(6L).userId("leaves").build());
        http = RunningServer.start(memory);
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
    }

    /** GET with the test token and {@code headers} (name, value...). */
    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        String[] all = Arrays.copyOf(new String[] {"Authorization", "Bearer " + RunningServer.TOKEN}, 2 + headers.length);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.send("GET", path, all);
    }

    private static BufferedImage image(HttpResponse<byte[]> response) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    @Test
    void aJpeg2000PictureIsRenderedForABrowserAtItsOwnSize() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/profiles/1/picture", "Accept", BROWSER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(response.headers().firstValue("Vary")).contains("Accept");
        assertThat(image(response).getWidth()).isEqualTo(128);
    }

    @Test
    void aJpeg2000PictureIsAnsweredAsStoredToAClientThatAsksForJpeg2000() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/profiles/1/picture", "Accept", "image/jp2");

        assertThat(response.headers().firstValue("Content-Type")).contains("image/jp2");
        assertThat(response.body()).isEqualTo(SEED_AVATAR);
    }

    @Test
    void aPictureBrowsersShowIsAnsweredAsStored() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/profiles/2/picture", "Accept", BROWSER);

        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(response.body()).isEqualTo(WIDE_PNG);
    }

    @Test
    void sizeRendersASquareOfThatManyPixelsInTheEncodingAsked() throws Exception {
        HttpResponse<byte[]> png = http.get("/api/v1/profiles/2/picture?size=64");
        HttpResponse<byte[]> jpeg = http.get("/api/v1/profiles/1/picture?size=32&format=jpeg");

        assertThat(png.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(image(png).getWidth()).isEqualTo(64);
        assertThat(image(png).getHeight()).isEqualTo(64);
        assertThat(jpeg.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(image(jpeg).getWidth()).isEqualTo(32);
    }

    @Test
    void eachVariantHasItsOwnEntityTagAndAnswers304ToIt() throws Exception {
        HttpResponse<byte[]> stored = http.get("/api/v1/profiles/2/picture");
        HttpResponse<byte[]> small = http.get("/api/v1/profiles/2/picture?size=64");
        String tag = small.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = get("/api/v1/profiles/2/picture?size=64", "If-None-Match", tag);
        HttpResponse<byte[]> other = get("/api/v1/profiles/2/picture?size=65", "If-None-Match", tag);

        assertThat(tag).isNotEqualTo(stored.headers().firstValue("ETag").orElseThrow()).endsWith("-s64-automatic\"");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void aSizeOrFormatOutsideWhatIsOfferedIs400SayingWhatIs() throws Exception {
        HttpResponse<byte[]> small = http.get("/api/v1/profiles/2/picture?size=15");
        HttpResponse<byte[]> format = http.get("/api/v1/profiles/2/picture?format=gif");
        HttpResponse<byte[]> both = http.get("/api/v1/profiles/2/picture?size=64&format=original");

        assertThat(small.statusCode()).isEqualTo(400);
        assertThat(text(small)).contains("size must be a whole number of pixels from 16 to 1024");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(text(format)).contains("format must be original, jpeg or png");
        assertThat(both.statusCode()).isEqualTo(400);
    }

    @Test
    void formatOriginalAnswersTheStoredBytes() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/profiles/1/picture?format=original", "Accept", BROWSER);

        assertThat(response.body()).isEqualTo(SEED_AVATAR);
    }

    @Test
    void aStoredPictureThatCannotBeRenderedIs406PointingToTheOriginal() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/profiles/3/picture", "Accept", BROWSER);

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(text(response)).contains("ask for format=original for its bytes");
    }

    @Test
    void aPictureThatCannotBeRenderedIsTriedAnewEachTimeAndLogsNothing() throws Exception {
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger caffeine = Logger.getLogger("com.github.benmanes.caffeine.cache.LocalAsyncCache");
        caffeine.addHandler(handler);
        try {
            double misses = renderCacheGets("miss");

            int first = get("/api/v1/profiles/3/picture?size=32", "Accept", BROWSER).statusCode();
            int second = get("/api/v1/profiles/3/picture?size=32", "Accept", BROWSER).statusCode();

            assertThat(List.of(first, second)).containsExactly(406, 406);
            assertThat(renderCacheGets("miss")).isEqualTo(misses + 2);
            assertThat(logged).isEmpty();
        } finally {
            caffeine.removeHandler(handler);
        }
    }

    @Test
    void identicalRendersRequestedTogetherRenderOnceAndRepeatsAreServedFromTheCache() throws Exception {
        double missesBefore = renderCacheGets("miss");
        double hitsBefore = renderCacheGets("hit");
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(() -> http.get("/api/v1/profiles/2/picture?size=48").statusCode());
        }

        List<Integer> statuses = Concurrently.run(requests);
        int again = http.get("/api/v1/profiles/2/picture?size=48").statusCode();

        assertThat(statuses).containsOnly(200);
        assertThat(again).isEqualTo(200);
        assertThat(renderCacheGets("miss") - missesBefore).isEqualTo(1);
        assertThat(renderCacheGets("hit") - hitsBefore).isEqualTo(8);
    }

    @Test
    void aNewPictureIsRenderedAnewNotAnsweredFromTheCache() throws Exception {
        HttpResponse<byte[]> before = http.get("/api/v1/profiles/4/picture?size=32&format=png");
        http.send("PUT", "/api/v1/profiles/4/picture", SEED_AVATAR);

        HttpResponse<byte[]> after = http.get("/api/v1/profiles/4/picture?size=32&format=png");

        assertThat(image(before).getRGB(1, 1) >>> 24).as("the PNG's opaque corner").isEqualTo(255);
        assertThat(image(after).getRGB(1, 1) >>> 24).as("the new picture's transparent corner").isZero();
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
    }

    @Test
    void aDeletedPicturesRendersAreForgotten() throws Exception {
        http.send("PUT", "/api/v1/profiles/6/picture", SEED_AVATAR);
        http.get("/api/v1/profiles/6/picture?size=24&format=png");
        double kept = renderCacheSize();

        assertThat(http.send("DELETE", "/api/v1/profiles/6/picture", new byte[0]).statusCode()).isEqualTo(204);

        assertThat(renderCacheSize()).isEqualTo(kept - 1);
    }

    /** {@code profilekit_picture_renders_size} as /metrics says it. */
    private static double renderCacheSize() throws Exception {
        Matcher line = Pattern.compile("(?m)^profilekit_picture_renders_size(\\{[^}]*})? (\\S+)$")
                .matcher(text(http.send("GET", "/metrics")));
        assertThat(line.find()).as("the render cache's size in /metrics").isTrue();
        return Double.parseDouble(line.group(2));
    }

    /** {@code profilekit_picture_renders_gets_total{result=...}} as /metrics says it. */
    private static double renderCacheGets(String result) throws Exception {
        Matcher line = Pattern.compile("(?m)^profilekit_picture_renders_gets_total\\{result=\""
                + result + "\"[^}]*} (\\S+)$").matcher(text(http.send("GET", "/metrics")));
        assertThat(line.find()).as("the render cache's " + result + " count in /metrics").isTrue();
        return Double.parseDouble(line.group(1));
    }

    @Test
    void theSeedsRawRouteRendersJpeg2000ForABrowserAndAnswersItAsStoredToAClientAskingForIt() throws Exception {
        HttpResponse<byte[]> browser = get("/api/v1/picture/raw/1", "Accept", BROWSER);
        HttpResponse<byte[]> jpeg2000 = get("/api/v1/picture/raw/1", "Accept", "image/jp2");

        assertThat(browser.statusCode()).isEqualTo(200);
        assertThat(browser.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(browser.headers().firstValue("Vary")).contains("Accept");
        assertThat(image(browser).getWidth()).isEqualTo(128);
        assertThat(jpeg2000.body()).isEqualTo(SEED_AVATAR);
    }

    @Test
    void theSeedsRawRouteAnswersAJpeg2000ItCannotDecodeAsStored() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/picture/raw/3", "Accept", BROWSER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jp2");
        assertThat(response.body()).hasSize(SEED_AVATAR.length / 3);
    }
}
