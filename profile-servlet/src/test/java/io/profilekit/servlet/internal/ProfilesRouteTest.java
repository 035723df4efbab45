package io.profilekit.servlet.internal;

import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.internal.Json;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.spi.ProfileStore;
import io.profilekit.core.testkit.Concurrently;
import io.profilekit.servlet.internal.profiles.ProfileResource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The resource API over real HTTP, on the in-memory store; {@link ProfilesRouteOnCouchbaseTest}
 * runs the same tests on Couchbase (CouchbaseMock). Every answer is also checked against
 * openapi.yaml by {@link RunningServer}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfilesRouteTest {

    static final String PROFILES = "/api/v1/profiles";

    RunningServer http;
    private SwitchableStore served;

    ProfileStore openStore() {
        return new InMemoryProfileStore();
    }

    /** Whether the store lists all profiles and by e-mail (CouchbaseMock has no SQL++). */
    boolean listsEverything() {
        return true;
    }

    @BeforeAll
    void startServer() throws Exception {
        served = new SwitchableStore(openStore());
        http = RunningServer.start(ProfileRepository.of(served));
    }

    @BeforeEach
    void serveAnEmptyRepository() {
        served.use(openStore());
    }

    @AfterAll
    void stop() throws Exception {
        http.close();
    }

    static String person(String username) {
        return "{\"user_id\":\"" + username + "\",\"name\":\"Ada Lovelace\",\"nickname\":\"alovelace\","
                + "\"email\":\"" + username + "@example.com\",\"date_of_birth\":\"12/10/1815\"}";
    }

    static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    static String etag(HttpResponse<byte[]> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    long create(String username) throws Exception {
        HttpResponse<byte[]> created = http.json("POST", PROFILES, person(username));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("record_id").asLong();
    }

    // --- create ---

    @Test
    void createAnswers201WithLocationETagAndTheStoredProfile() throws Exception {
        HttpResponse<byte[]> response = http.json("POST", PROFILES, person("ada1815"));

        long id = json(response).get("record_id").asLong();
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).contains(PROFILES + "/" + id);
        assertThat(etag(response)).matches("\"[0-9a-f]+-[0-9]+\"");
        assertThat(json(response).get("user_id").asText()).isEqualTo("ada1815");
        assertThat(http.repository.findById(id)).isPresent();
    }

    @Test
    void createKeepsAGivenRecordId() throws Exception {
        HttpResponse<byte[]> response = http.json("POST", PROFILES, "{\"record_id\":77,\"user_id\":\"ada\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).contains(PROFILES + "/77");
    }

    @Test
    void createAnswers409ForATakenUsernameOrRecordId() throws Exception {
        long id = create("ada1815");

        HttpResponse<byte[]> username = http.json("POST", PROFILES, person("ada1815"));
        HttpResponse<byte[]> recordId = http.json("POST", PROFILES, "{\"record_id\":" + id + ",\"user_id\":\"grace\"}");

        assertThat(username.statusCode()).isEqualTo(409);
        assertThat(json(username).get("detail").asText()).isEqualTo("username 'ada1815' is taken");
        assertThat(recordId.statusCode()).isEqualTo(409);
        assertThat(http.repository.findByUsername("grace")).isEmpty();
    }

    @Test
    void createAnswers422NamingEveryBrokenRule() throws Exception {
        HttpResponse<byte[]> response = http.json("POST", PROFILES,
                "{\"user_id\":\"ada\",\"email\":\"not-an-address\",\"date_of_birth\":\"1815-12-10\",\"name\":\""
                        + "x".repeat(201) + "\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(response).get("detail").asText()).contains("email", "date_of_birth", "name");
    }

    @Test
    void createAnswers422ForAFieldOfTheWrongType() throws Exception {
        HttpResponse<byte[]> response = http.json("POST", PROFILES, "{\"user_id\":\"ada\",\"zip_code\":12345}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("detail").asText()).isEqualTo("zip_code must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"user_id\":", "not json", "", "{\"user_id\":\"a\",\"user_id\":\"b\"}", "{} {}"})
    void createAnswers400ForWhatIsNoJsonObject(String body) throws Exception {
        HttpResponse<byte[]> response = http.json("POST", PROFILES, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(text(response)).doesNotContain("com.fasterxml", "Exception", "java.");
    }

    @Test
    void createAnswers400ForDeeplyNestedJson() throws Exception {
        String deep = "{\"user_id\":\"ada\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}";

        HttpResponse<byte[]> response = http.json("POST", PROFILES, deep);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("nested deeper than");
    }

    /** Sends only the head of a request declaring {@code length} bytes of body, and reads the answer. */
    String declaringOnly(String method, String path, String contentType, long length) throws Exception {
        return http.raw(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + RunningServer.TOKEN + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                + "\r\n\r\n");
    }

    @Test
    void createAnswers413ForABodyDeclaredOverTheLimitWithoutReadingIt() throws Exception {
        String response = declaringOnly("POST", PROFILES, "application/json", 70 * 1024);

        assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json", "65536 bytes");
    }

    @Test
    void createAnswers413ForAnUndeclaredBodyOverTheLimit() throws Exception {
        StringBuilder request = new StringBuilder("POST " + PROFILES + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + RunningServer.TOKEN + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        String chunk = "{\"user_id\":\"ada\",\"bio\":\"" + "x".repeat(70 * 1024) + "\"}";
        request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n0\r\n\r\n");

        assertThat(http.raw(request.toString())).startsWith("HTTP/1.1 413");
        assertThat(http.repository.findByUsername("ada")).isEmpty();
    }

    @Test
    void createAnswers415ForAnythingButJson() throws Exception {
        HttpResponse<byte[]> response = http.send("POST", PROFILES, person("ada").getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("detail").asText()).contains("application/json");
    }

    // --- read ---

    @Test
    void readAnswersTheStoredProfileWithItsETag() throws Exception {
        long id = create("ada1815");

        HttpResponse<byte[]> response = http.get(PROFILES + "/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        StoredProfile stored = http.repository.findById(id).orElseThrow();
        ObjectNode answered = (ObjectNode) json(response);
        assertThat(answered.remove("picture_url").asText()).startsWith(http.server.uri() + "/pictures/" + id + "?v="
                + stored.version() + "&exp=");
        assertThat(answered).isEqualTo(Json.MAPPER.readTree(stored.json()));
        assertThat(etag(response)).startsWith("\"" + stored.version() + "-");
        assertThat(response.headers().firstValue("Cache-Control")).contains("private, no-cache");
    }

    @Test
    void readAnswers304WhileTheCallersETagIsCurrent() throws Exception {
        long id = create("ada1815");
        String tag = etag(http.get(PROFILES + "/" + id));

        HttpResponse<byte[]> same = http.send("GET", PROFILES + "/" + id, new byte[0], "If-None-Match", tag);
        HttpResponse<byte[]> weak = http.send("GET", PROFILES + "/" + id, new byte[0], "If-None-Match", "W/" + tag);
        HttpResponse<byte[]> other = http.send("GET", PROFILES + "/" + id, new byte[0], "If-None-Match", "\"abc\"");

        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(etag(same)).isEqualTo(tag);
        assertThat(weak.statusCode()).isEqualTo(304);
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"424242", "abc", "0", "-3", "99999999999999999999"})
    void readAnswers404ProblemForWhatIsNoProfile(String id) throws Exception {
        HttpResponse<byte[]> response = http.get(PROFILES + "/" + id);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    // --- replace ---

    @Test
    void replaceStoresTheBodyUnderANewETag() throws Exception {
        long id = create("ada1815");
        String before = etag(http.get(PROFILES + "/" + id));

        HttpResponse<byte[]> response = http.json("PUT", PROFILES + "/" + id,
                "{\"user_id\":\"ada1815\",\"city\":\"London\"}", "If-Match", before);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(etag(response)).isNotEqualTo(before);
        assertThat(json(http.get(PROFILES + "/" + id)).get("city").asText()).isEqualTo("London");
        assertThat(json(http.get(PROFILES + "/" + id)).has("email")).isFalse();
    }

    @Test
    void replaceWithAStaleETagAnswers412AndChangesNothing() throws Exception {
        long id = create("ada1815");
        String stale = etag(http.get(PROFILES + "/" + id));
        http.json("PUT", PROFILES + "/" + id, "{\"user_id\":\"ada1815\",\"city\":\"London\"}");

        HttpResponse<byte[]> response = http.json("PUT", PROFILES + "/" + id,
                "{\"user_id\":\"ada1815\",\"city\":\"Paris\"}", "If-Match", stale);

        assertThat(response.statusCode()).isEqualTo(412);
        assertThat(json(http.get(PROFILES + "/" + id)).get("city").asText()).isEqualTo("London");
    }

    @Test
    void replaceCannotChangeTheRecordId() throws Exception {
        long id = create("ada1815");

        HttpResponse<byte[]> response = http.json("PUT", PROFILES + "/" + id, "{\"record_id\":999,\"user_id\":\"ada1815\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(http.repository.findById(999)).isEmpty();
    }

    @Test
    void replaceMayRenameOnlyToAFreeUsername() throws Exception {
        long ada = create("ada1815");
        create("grace1906");

        HttpResponse<byte[]> taken = http.json("PUT", PROFILES + "/" + ada, "{\"user_id\":\"grace1906\"}");
        HttpResponse<byte[]> free = http.json("PUT", PROFILES + "/" + ada, "{\"user_id\":\"countess\"}");

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(free.statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/username/countess").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/username/ada1815").statusCode()).isEqualTo(404);
        assertThat(create("ada1815")).isNotEqualTo(ada);
    }

    @Test
    void aWriteNamingTheTagOfAnotherProfileFailsItsConditionWhenItsOwnIsMissing() throws Exception {
        long other = create("grace1906");
        String tag = etag(http.get(PROFILES + "/" + other));

        assertThat(http.json("PUT", PROFILES + "/4242", "{\"user_id\":\"ada\"}", "If-Match", tag).statusCode())
                .isEqualTo(412);
        assertThat(http.json("PATCH", PROFILES + "/4242", "{\"city\":\"Paris\"}", "If-Match", tag).statusCode())
                .isEqualTo(412);
        assertThat(http.send("DELETE", PROFILES + "/4242", new byte[0], "If-Match", tag).statusCode()).isEqualTo(412);
    }

    @Test
    void ifMatchWithSeveralTagsWritesWhenOneIsTheCurrentVersion() throws Exception {
        long id = create("ada1815");
        String current = etag(http.get(PROFILES + "/" + id));

        HttpResponse<byte[]> response = http.json("PATCH", PROFILES + "/" + id, "{\"city\":\"Paris\"}",
                "If-Match", "W/\"weak\", " + current);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("city").asText()).isEqualTo("Paris");
    }

    @Test
    void replaceOfAMissingProfileAnswers404OrWithIfMatch412() throws Exception {
        assertThat(http.json("PUT", PROFILES + "/4242", "{\"user_id\":\"ada\"}").statusCode()).isEqualTo(404);
        assertThat(http.json("PUT", PROFILES + "/4242", "{\"user_id\":\"ada\"}", "If-Match", "*").statusCode())
                .isEqualTo(412);
    }

    @Test
    void replaceKeepsThePictureAndRefusesToRelinkIt() throws Exception {
        long id = create("ada1815");
        http.send("PUT", PROFILES + "/" + id + "/picture", png(8, 8));
        long picture = json(http.get(PROFILES + "/" + id)).get("picture").asLong();

        HttpResponse<byte[]> kept = http.json("PUT", PROFILES + "/" + id, "{\"user_id\":\"ada1815\"}");
        HttpResponse<byte[]> relinked = http.json("PUT", PROFILES + "/" + id, "{\"user_id\":\"ada1815\",\"picture\":" + (picture + 1) + "}");

        assertThat(json(kept).get("picture").asLong()).isEqualTo(picture);
        assertThat(relinked.statusCode()).isEqualTo(422);
        assertThat(json(relinked).get("detail").asText()).contains("store or delete the picture");
    }

    // --- merge patch ---

    @Test
    void patchChangesOnlyTheNamedMembers() throws Exception {
        long id = create("ada1815");

        HttpResponse<byte[]> response = http.json("PATCH", PROFILES + "/" + id,
                "{\"city\":\"London\",\"email\":null,\"languages\":[\"en\",\"fr\"]}");

        JsonNode patched = json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(patched.get("city").asText()).isEqualTo("London");
        assertThat(patched.has("email")).isFalse();
        assertThat(patched.get("languages")).hasSize(2);
        assertThat(patched.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(etag(response)).isEqualTo(etag(http.get(PROFILES + "/" + id)));
    }

    @Test
    void patchNeedsTheMergePatchMediaType() throws Exception {
        long id = create("ada1815");

        HttpResponse<byte[]> response = http.send("PATCH", PROFILES + "/" + id,
                "{\"city\":\"London\"}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Accept-Patch")).contains(ProfileResource.MERGE_PATCH);
    }

    @Test
    void patchWithAStaleETagAnswers412() throws Exception {
        long id = create("ada1815");
        String stale = etag(http.get(PROFILES + "/" + id));
        http.json("PATCH", PROFILES + "/" + id, "{\"city\":\"London\"}");

        HttpResponse<byte[]> response = http.json("PATCH", PROFILES + "/" + id, "{\"city\":\"Paris\"}", "If-Match", stale);

        assertThat(response.statusCode()).isEqualTo(412);
        assertThat(json(http.get(PROFILES + "/" + id)).get("city").asText()).isEqualTo("London");
    }

    @Test
    void patchCannotChangeOrRemoveTheRecordId() throws Exception {
        long id = create("ada1815");

        assertThat(http.json("PATCH", PROFILES + "/" + id, "{\"record_id\":5}").statusCode()).isEqualTo(422);
        assertThat(http.json("PATCH", PROFILES + "/" + id, "{\"record_id\":null}").statusCode()).isEqualTo(422);
    }

    @Test
    void patchThatBreaksARuleAnswers422AndChangesNothing() throws Exception {
        long id = create("ada1815");

        HttpResponse<byte[]> response = http.json("PATCH", PROFILES + "/" + id, "{\"email\":\"nope\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(http.get(PROFILES + "/" + id)).get("email").asText()).isEqualTo("ada1815@example.com");
    }

    @Test
    void concurrentPatchesWithoutIfMatchAreAllApplied() throws Exception {
        long id = create("ada1815");
        List<Callable<Integer>> patches = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String member = "field" + i;
            patches.add(() -> http.json("PATCH", PROFILES + "/" + id, "{\"" + member + "\":" + member.length() + "}")
                    .statusCode());
        }

        List<Integer> statuses = Concurrently.run(patches);

        assertThat(statuses).containsOnly(200);
        JsonNode stored = json(http.get(PROFILES + "/" + id));
        for (int i = 0; i < 16; i++) {
            assertThat(stored.has("field" + i)).as("field%d", i).isTrue();
        }
    }

    @Test
    void concurrentConditionalUpdatesLoseNoUpdate() throws Exception {
        long id = create("counter");
        http.json("PATCH", PROFILES + "/" + id, "{\"count\":0}");
        AtomicInteger applied = new AtomicInteger();
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            writers.add(() -> {
                for (int i = 0; i < 10; i++) {
                    HttpResponse<byte[]> current = http.get(PROFILES + "/" + id);
                    int count = json(current).get("count").asInt();
                    HttpResponse<byte[]> written = http.json("PATCH", PROFILES + "/" + id,
                            "{\"count\":" + (count + 1) + "}", "If-Match", etag(current));
                    if (written.statusCode() == 200) {
                        applied.incrementAndGet();
                    } else {
                        assertThat(written.statusCode()).isEqualTo(412);
                    }
                }
                return 0;
            });
        }

        Concurrently.run(writers);

        assertThat(applied.get()).isPositive();
        assertThat(json(http.get(PROFILES + "/" + id)).get("count").asInt()).isEqualTo(applied.get());
    }

    // --- delete ---

    @Test
    void deleteRemovesTheProfileItsPictureAndFreesItsUsername() throws Exception {
        long id = create("ada1815");
        http.send("PUT", PROFILES + "/" + id + "/picture", png(8, 8));
        long picture = json(http.get(PROFILES + "/" + id)).get("picture").asLong();

        HttpResponse<byte[]> response = http.send("DELETE", PROFILES + "/" + id, new byte[0]);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(http.get(PROFILES + "/" + id).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/picture/record/" + picture).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/username/ada1815").statusCode()).isEqualTo(404);
        assertThat(http.json("POST", PROFILES, person("ada1815")).statusCode()).isEqualTo(201);
    }

    @Test
    void deleteWithAStaleETagAnswers412AndKeepsTheProfile() throws Exception {
        long id = create("ada1815");
        String stale = etag(http.get(PROFILES + "/" + id));
        http.json("PATCH", PROFILES + "/" + id, "{\"city\":\"London\"}");

        assertThat(http.send("DELETE", PROFILES + "/" + id, new byte[0], "If-Match", stale).statusCode()).isEqualTo(412);
        assertThat(http.get(PROFILES + "/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void deleteOfAMissingProfileAnswers404() throws Exception {
        assertThat(http.send("DELETE", PROFILES + "/4242", new byte[0]).statusCode()).isEqualTo(404);
    }

    // --- listing ---

    @Test
    void listingFollowsNextLinksThroughEveryProfileOnce() throws Exception {
        assumeTrue(listsEverything(), "listing all profiles needs SQL++");
        Set<Long> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(create("user" + i));
        }
        List<Long> seen = new ArrayList<>();
        String next = PROFILES + "?limit=3";
        int pages = 0;
        while (next != null) {
            JsonNode page = json(http.get(next));
            page.get("items").forEach(item -> seen.add(item.get("record_id").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(seen).isSorted();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void listingReturnsEveryLastingProfileOnceWhileOthersComeAndGo() throws Exception {
        assumeTrue(listsEverything(), "listing all profiles needs SQL++");
        Set<Long> lasting = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            lasting.add(create("lasting" + i));
        }
        List<Long> seen = new ArrayList<>();
        String next = PROFILES + "?limit=5";
        int churn = 0;
        while (next != null) {
            JsonNode page = json(http.get(next));
            page.get("items").forEach(item -> seen.add(item.get("record_id").asLong()));
            long transientId = create("transient" + churn++);
            if (churn % 2 == 0) {
                http.send("DELETE", PROFILES + "/" + transientId, new byte[0]);
            }
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(lasting);
    }

    @Test
    void listingFiltersByNicknameKeepingTheFilterInNext() throws Exception {
        for (int i = 0; i < 3; i++) {
            http.json("POST", PROFILES, "{\"user_id\":\"a" + i + "\",\"nickname\":\"same nick\"}");
        }
        http.json("POST", PROFILES, "{\"user_id\":\"other\",\"nickname\":\"other\"}");

        JsonNode first = json(http.get(PROFILES + "?nickname=same%20nick&limit=2"));
        JsonNode second = json(http.get(first.get("next").asText()));

        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("next").asText()).contains("nickname=same+nick", "limit=2", "after=");
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("next").isNull()).isTrue();
    }

    @Test
    void listingFiltersByUsername() throws Exception {
        create("ada1815");
        create("grace1906");

        JsonNode byUsername = json(http.get(PROFILES + "?username=grace1906")).get("items");

        assertThat(byUsername).hasSize(1);
        assertThat(byUsername.get(0).get("user_id").asText()).isEqualTo("grace1906");
    }

    @Test
    void listingFiltersByEmail() throws Exception {
        assumeTrue(listsEverything(), "listing by e-mail needs SQL++");
        create("ada1815");
        create("grace1906");

        JsonNode byEmail = json(http.get(PROFILES + "?email=ada1815%40example.com")).get("items");

        assertThat(byEmail).hasSize(1);
        assertThat(byEmail.get(0).get("user_id").asText()).isEqualTo("ada1815");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?limit=0", "?limit=1001", "?limit=ten", "?after=-1", "?after=x", "?colour=red",
        "?limit=5&limit=6", "?nickname="})
    void listingAnswers400ForABadParameter(String query) throws Exception {
        HttpResponse<byte[]> response = http.get(PROFILES + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    // --- pictures ---

    static byte[] png(int width, int height) throws IOException {
        return image("png", width, height);
    }

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void aPictureIsStoredLinkedAndServedWithItsHeaders() throws Exception {
        long id = create("ada1815");
        byte[] png = png(16, 16);

        HttpResponse<byte[]> put = http.send("PUT", PROFILES + "/" + id + "/picture", png, "Content-Type", "image/png");
        HttpResponse<byte[]> get = http.get(PROFILES + "/" + id + "/picture");

        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Location")).contains(PROFILES + "/" + id + "/picture");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(png);
        assertThat(get.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(get.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(get.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(get.headers().firstValue("Cache-Control")).contains("private, no-cache");
        assertThat(etag(get)).isEqualTo(etag(put));
        assertThat(json(http.get(PROFILES + "/" + id)).get("picture").asLong()).isPositive();
    }

    @Test
    void aPictureAnswers304WhileTheETagIsCurrentAndItsDocumentForJson() throws Exception {
        long id = create("ada1815");
        String tag = etag(http.send("PUT", PROFILES + "/" + id + "/picture", png(4, 4)));

        HttpResponse<byte[]> cached = http.send("GET", PROFILES + "/" + id + "/picture", new byte[0], "If-None-Match", tag);
        HttpResponse<byte[]> document = http.send("GET", PROFILES + "/" + id + "/picture", new byte[0],
                "Accept", "application/json");

        assertThat(cached.statusCode()).isEqualTo(304);
        assertThat(document.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(json(document).get("type").asText()).isEqualTo("png");
    }

    @Test
    void replacingAPictureAnswers204() throws Exception {
        long id = create("ada1815");
        http.send("PUT", PROFILES + "/" + id + "/picture", png(4, 4));
        byte[] jpeg = image("jpeg", 8, 8);

        HttpResponse<byte[]> response = http.send("PUT", PROFILES + "/" + id + "/picture", jpeg);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(http.get(PROFILES + "/" + id + "/picture").headers().firstValue("Content-Type")).contains("image/jpeg");
    }

    @Test
    void theTypeComesFromTheBytesNotTheClaim() throws Exception {
        long id = create("ada1815");

        HttpResponse<byte[]> html = http.send("PUT", PROFILES + "/" + id + "/picture",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "Content-Type", "image/jpeg");
        HttpResponse<byte[]> svg = http.send("PUT", PROFILES + "/" + id + "/picture",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "image/svg+xml");

        assertThat(html.statusCode()).isEqualTo(415);
        assertThat(svg.statusCode()).isEqualTo(415);
        assertThat(http.get(PROFILES + "/" + id + "/picture").statusCode()).isEqualTo(404);
    }

    @Test
    void aTruncatedPictureAnswers422() throws Exception {
        long id = create("ada1815");
        byte[] jpeg = image("jpeg", 64, 64);

        HttpResponse<byte[]> response = http.send("PUT", PROFILES + "/" + id + "/picture",
                Arrays.copyOf(jpeg, jpeg.length / 2));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("detail").asText()).isEqualTo("the picture is truncated or corrupt");
    }

    @Test
    void aPixelBombAnswers422WithoutBeingDecoded() throws Exception {
        long id = create("ada1815");
        byte[] bomb = png(1, 1);
        ByteBuffer.wrap(bomb, 16, 8).putInt(50_000).putInt(50_000);
        CRC32 crc = new CRC32();
        crc.update(bomb, 12, 17);
        ByteBuffer.wrap(bomb, 29, 4).putInt((int) crc.getValue());

        HttpResponse<byte[]> response = http.send("PUT", PROFILES + "/" + id + "/picture", bomb);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("detail").asText()).contains("50000 x 50000");
    }

    @Test
    void anEmptyPictureAnswers400() throws Exception {
        long id = create("ada1815");

        assertThat(http.send("PUT", PROFILES + "/" + id + "/picture", new byte[0]).statusCode()).isEqualTo(400);
    }

    @Test
    void aPictureDeclaredOverTheLimitAnswers413BeforeItIsSent() throws Exception {
        long id = create("ada1815");

        String response = declaringOnly("PUT", PROFILES + "/" + id + "/picture", "image/png", 3 * 1024 * 1024);

        assertThat(response).startsWith("HTTP/1.1 413").contains("1048576 bytes");
        assertThat(http.get(PROFILES + "/" + id + "/picture").statusCode()).isEqualTo(404);
    }

    @Test
    void aPictureOverTheLimitIsRefusedEvenWithoutContentLength() throws Exception {
        long id = create("ada1815");
        String chunked = "PUT " + PROFILES + "/" + id + "/picture HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + RunningServer.TOKEN + "\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n";
        StringBuilder request = new StringBuilder(chunked);
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < 20; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");

        String response = http.raw(request.toString());

        assertThat(response).startsWith("HTTP/1.1 413");
    }

    @Test
    void deletingAPictureUnlinksIt() throws Exception {
        long id = create("ada1815");
        http.send("PUT", PROFILES + "/" + id + "/picture", png(4, 4));

        assertThat(http.send("DELETE", PROFILES + "/" + id + "/picture", new byte[0]).statusCode()).isEqualTo(204);
        assertThat(http.get(PROFILES + "/" + id + "/picture").statusCode()).isEqualTo(404);
        assertThat(json(http.get(PROFILES + "/" + id)).has("picture")).isFalse();
        assertThat(http.send("DELETE", PROFILES + "/" + id + "/picture", new byte[0]).statusCode()).isEqualTo(404);
    }

    @Test
    void aPictureOfAMissingProfileAnswers404() throws Exception {
        assertThat(http.send("PUT", PROFILES + "/4242/picture", png(4, 4)).statusCode()).isEqualTo(404);
        assertThat(http.get(PROFILES + "/4242/picture").statusCode()).isEqualTo(404);
    }

    // --- routes and methods ---

    @Test
    void wrongMethodsAnswer405WithAllow() throws Exception {
        long id = create("ada1815");

        HttpResponse<byte[]> collection = http.send("DELETE", PROFILES, new byte[0]);
        HttpResponse<byte[]> profile = http.send("POST", PROFILES + "/" + id, new byte[0]);
        HttpResponse<byte[]> picture = http.send("PATCH", PROFILES + "/" + id + "/picture", new byte[0]);

        assertThat(collection.statusCode()).isEqualTo(405);
        assertThat(collection.headers().firstValue("Allow")).contains("GET, HEAD, POST");
        assertThat(profile.headers().firstValue("Allow")).contains("GET, HEAD, PUT, PATCH, DELETE");
        assertThat(picture.headers().firstValue("Allow")).contains("GET, HEAD, PUT, DELETE");
        assertThat(picture.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void aMadeUpMethodIsRefusedNeverTakenForAnother() throws Exception {
        long id = create("ada1815");

        HttpResponse<byte[]> response = http.send("ATCH", PROFILES + "/" + id, new byte[0]);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(http.get(PROFILES + "/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownSubresourcesAnswer404() throws Exception {
        long id = create("ada1815");

        assertThat(http.get(PROFILES + "/" + id + "/friends").statusCode()).isEqualTo(404);
        assertThat(http.get(PROFILES + "/" + id + "/picture/raw").statusCode()).isEqualTo(404);
    }

    @Test
    void resourceRoutesNeedATokenAndSayHow() throws Exception {
        HttpResponse<byte[]> response = http.send("GET", PROFILES);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"profilekit\"");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void headAnswersTheHeadersOfGet() throws Exception {
        long id = create("ada1815");

        HttpResponse<byte[]> response = http.send("HEAD", PROFILES + "/" + id, new byte[0]);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }
}
