package io.profilekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.internal.Json;
import io.profilekit.core.memory.InMemoryProfileStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Avatars in a real browser: Debian's {@code chromium}, headless, driven through Debian's
 * {@code chromedriver} (the CI script installs both; without them this test is skipped, saying
 * so). A page served from another origin shows, through each profile's {@code picture_url} with
 * {@code size=64}, pictures uploaded as JPEG (libjpeg's cjpeg), PNG, GIF (netpbm's ppmtogif), WebP
 * (cwebp), JP2 and J2K (OpenJPEG's opj_compress, as the seed's data tool made its avatars), and
 * the default avatar of a profile without one; every {@code <img>} must be 64 pixels wide.
 */
class PictureUrlsInBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Map<String, String> UPLOADS = uploads();

    private static Map<String, String> uploads() {
        Map<String, String> uploads = new LinkedHashMap<>();
        uploads.put("jpeg", "wide.jpg");
        uploads.put("png", "wide.png");
        uploads.put("gif", "wide.gif");
        uploads.put("webp", "wide.webp");
        uploads.put("jp2", "avatar-rgba.jp2");
        uploads.put("j2k", "avatar-rgba.j2k");
        return uploads;
    }

    @Test
    void everyAvatarOnAPageOfAnotherOriginShows64PixelsWide() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no browser here: apt-get install chromium chromium-driver (.ci/run does) to run this test");
        ProfileRepository memory = ProfileRepository.of(new InMemoryProfileStore());
        try (RunningServer http = RunningServer.start(memory)) {
            StringBuilder page = new StringBuilder("<!doctype html><title>avatars</title>");
            long id = 0;
            for (Map.Entry<String, String> upload : UPLOADS.entrySet()) {
                id = create(http, upload.getKey());
                assertThat(http.send("PUT", "/api/v1/profiles/" + id + "/picture",
                        PictureUrlsTest.resource(upload.getValue())).statusCode()).as(upload.getKey()).isEqualTo(201);
                page.append(img(http, upload.getKey(), id));
            }
            page.append(img(http, "none", create(http, "none")));

            Map<String, Long> expected = new LinkedHashMap<>();
            UPLOADS.keySet().forEach(name -> expected.put(name, 64L));
            expected.put("none", 64L);

            assertThat(naturalWidths(page.toString())).isEqualTo(expected);
        }
    }

    private static long create(RunningServer http, String name) throws Exception {
        return Json.MAPPER.readTree(http.json("POST", "/api/v1/profiles", "{\"user_id\":\"" + name + "\"}").body())
                .get("record_id").asLong();
    }

    private static String img(RunningServer http, String name, long id) throws Exception {
        String url = Json.MAPPER.readTree(http.get("/api/v1/profiles/" + id).body()).get("picture_url").asText();
        return "<img id=\"" + name + "\" src=\"" + url.replace("&", "&amp;") + "&amp;size=64\">";
    }

    /** Loads {@code html} from a server of its own in headless chromium; each image's id and naturalWidth. */
    private static Map<String, Long> naturalWidths(String html) throws IOException {
        HttpServer pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        pages.start();
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update");
        // Selenium looks for DevTools bindings of this chromium's version, which this test does not use.
        Logger.getLogger("org.openqa.selenium.devtools").setLevel(Level.SEVERE);
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            browser.get("http://127.0.0.1:" + pages.getAddress().getPort() + "/");
            @SuppressWarnings("unchecked")
            Map<String, Long> widths = (Map<String, Long>) browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const images = Array.from(document.images);
                    Promise.all(images.map(image => image.complete ? null
                            : new Promise(settled => { image.onload = settled; image.onerror = settled; })))
                        .then(() => done(Object.fromEntries(images.map(image => [image.id, image.naturalWidth]))));
                    """);
            return widths;
        } finally {
            browser.quit();
            pages.stop(0);
        }
    }
}
