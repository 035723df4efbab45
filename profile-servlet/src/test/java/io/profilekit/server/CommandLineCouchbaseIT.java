package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.internal.Json;
import io.profilekit.server.settings.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server jar's commands against Couchbase, here CouchbaseMock run in-process. */
class CommandLineCouchbaseIT {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> values = new HashMap<>();

    @BeforeEach
    void emptyBucket() {
        MockCouchbase.flush();
        values.putAll(Map.of(
                "profile.port", "0",
                "profile.db.connection-string", MockCouchbase.connectionString(),
                "profile.db.username", MockCouchbase.BUCKET,
                "profile.db.password", MockCouchbase.PASSWORD,
                "profile.db.bucket", MockCouchbase.BUCKET,
                "profile.db.scope", "_default",
                "profile.db.profiles-collection", "_default",
                "profile.db.images-collection", "_default",
                "profile.db.auth-collection", "_default",
                "profile.db.lookups-collection", "_default"));
    }

    private CommandLine launcher() {
        return new CommandLine(Settings.of(values::get), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofMillis(50));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> get(ProfileServer server, String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private String generate(int count) {
        int status = launcher().run(new String[] {"generate", "--count", Integer.toString(count)});
        assertThat(status).as(printed() + err.toString(StandardCharsets.UTF_8)).isZero();
        Matcher token = Pattern.compile("API token \\(service_auth:1\\): (\\S+)").matcher(printed());
        assertThat(token.find()).as(printed()).isTrue();
        return token.group(1);
    }

    @Test
    void generateWritesSeedFormatDocumentsUnderSeedKeysWithProgress() throws Exception {
        generate(20);

        JsonNode profile = Json.MAPPER.readTree(MockCouchbase.getRaw("user_data:20").orElseThrow());
        JsonNode image = Json.MAPPER.readTree(MockCouchbase.getRaw("user_images:20").orElseThrow());
        assertThat(profile.get("record_id").asLong()).isEqualTo(20);
        assertThat(profile.get("picture").asLong()).isEqualTo(20);
        assertThat(profile.get("user_id").asText()).matches("[a-z]+\\d{4}");
        assertThat(image.get("type").asText()).isEqualTo("jpeg");
        assertThat(printed()).contains("2/20 profiles (10%)", "20/20 profiles (100%)", "Wrote 20 profiles with pictures in");
    }

    @Test
    void generateKeepsAServiceTokenThatIsAlreadyStored() {
        MockCouchbase.putRaw("service_auth:1", "{\"record_id\": 1, \"token\": \"existing-token\"}");

        assertThat(generate(2)).isEqualTo("existing-token");
    }

    @Test
    void servesEverySeedRouteFromCouchbaseWithTheStoredToken() throws Exception {
        String token = generate(5);
        ProfileServer server = launcher().serve(false);
        try {
            HttpResponse<byte[]> byId = get(server, "/api/v1/id/3", token);
            String username = Json.MAPPER.readTree(byId.body()).get(0).get("user_id").asText();
            String nickname = Json.MAPPER.readTree(byId.body()).get(0).get("nickname").asText();

            assertThat(byId.statusCode()).isEqualTo(200);
            assertThat(new String(byId.body(), StandardCharsets.UTF_8))
                    .isEqualTo("[" + MockCouchbase.getRaw("user_data:3").orElseThrow() + "]");
            assertThat(get(server, "/api/v1/username/" + username, token).statusCode()).isEqualTo(200);
            assertThat(get(server, "/api/v1/nickname/" + nickname, token).statusCode()).isEqualTo(200);
            assertThat(get(server, "/api/v1/picture/record/3", token).statusCode()).isEqualTo(200);
            assertThat(get(server, "/api/v1/picture/raw/3", token).headers().firstValue("Content-Type"))
                    .contains("image/jpeg");
            assertThat(get(server, "/api/v1/id/6", token).statusCode()).isEqualTo(404);
            assertThat(get(server, "/api/v1/id/3", "wrong").statusCode()).isEqualTo(401);
        } finally {
            server.stop();
        }
    }

    @Test
    void dataOutlivesARestart() throws Exception {
        String token = generate(2);
        ProfileServer first = launcher().serve(false);
        byte[] before = get(first, "/api/v1/id/2", token).body();
        first.stop();

        ProfileServer second = launcher().serve(false);
        try {
            assertThat(get(second, "/api/v1/id/2", token).body()).isEqualTo(before);
        } finally {
            second.stop();
        }
    }

    @Test
    void aChangedStoredTokenTakesEffectWithoutARestart() throws Exception {
        String old = generate(1);
        ProfileServer server = launcher().serve(false);
        try {
            MockCouchbase.putRaw("service_auth:1", "{\"record_id\": 1, \"token\": \"rotated-token\"}");

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (get(server, "/api/v1/id/1", "rotated-token").statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(get(server, "/api/v1/id/1", "rotated-token").statusCode()).isEqualTo(200);
            assertThat(get(server, "/api/v1/id/1", old).statusCode()).isEqualTo(401);
        } finally {
            server.stop();
        }
    }

    @Test
    void configuredTokensWorkBesideTheStoredOne() throws Exception {
        String stored = generate(1);
        values.put("profile.api.tokens", "configured-token");
        ProfileServer server = launcher().serve(false);
        try {
            assertThat(get(server, "/api/v1/id/1", "configured-token").statusCode()).isEqualTo(200);
            assertThat(get(server, "/api/v1/id/1", stored).statusCode()).isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    @Test
    void refusesToServeWithoutAnyToken() {
        int status = launcher().run(new String[0]);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("profilekit: no API token:");
    }

    @Test
    void anUnreachableClusterIsOneLineAndStatus1() {
        values.put("profile.db.connection-string", "couchbase://127.0.0.1:1=manager");
        values.put("profile.db.connect-timeout", "2s");

        int status = launcher().run(new String[] {"init"});

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(message).startsWith("profilekit: nothing answered at couchbase://127.0.0.1:1=manager")
                .doesNotContain(MockCouchbase.PASSWORD, "Exception", "\tat ");
        assertThat(message.lines()).hasSize(1);
    }

    @Test
    void generateRejectsMissingOrMalformedCounts() {
        assertThat(launcher().run(new String[] {"generate"})).isEqualTo(2);
        assertThat(launcher().run(new String[] {"generate", "--count", "many"})).isEqualTo(2);
        assertThat(launcher().run(new String[] {"generate", "--count", "0"})).isEqualTo(2);
        assertThat(launcher().run(new String[] {"generate", "--count", "3", "--colour", "red"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--count needs a whole number from 1, not 'many'",
                "unknown option '--colour'");
    }

    @Test
    void serveWithACollectionTheClusterCannotHaveStopsWithOneLineNamingIt() {
        values.put("profile.db.profiles-collection", "no_such_things");
        values.put("profile.api.tokens", "a-token-long-enough-for-the-rules");

        int status = launcher().run(new String[0]);

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(message).startsWith("profilekit: collection 'no_such_things' cannot exist on Couchbase at")
                .doesNotContain("Exception", "\tat ");
        assertThat(message.lines()).hasSize(1);
    }

    @Test
    void serveWithAWrongPasswordStopsWithOneLineAboutTheCredentialsWithoutThePassword() {
        values.put("profile.db.password", "not-the-password");
        values.put("profile.db.connect-timeout", "3s");
        values.put("profile.api.tokens", "a-token-long-enough-for-the-rules");

        int status = launcher().run(new String[0]);

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(message).startsWith("profilekit: Couchbase at " + MockCouchbase.connectionString()
                + " did not let user 'profiles' open bucket 'profiles'").contains("the password is wrong")
                .doesNotContain("not-the-password");
        assertThat(message.lines()).hasSize(1);
    }

    @Test
    void doctorPrintsOneLinePerCheckWithKeyValueOkAndLatencies() {
        int status = launcher().run(new String[] {"doctor"});

        assertThat(status).as(printed() + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed().lines().filter(line -> line.matches("(OK|FAIL|SKIP) +.*"))).hasSizeGreaterThan(5);
        assertThat(printed()).containsPattern("OK +connect +user 'profiles' opened bucket 'profiles'")
                .containsPattern("OK +collection _default._default +wrote, read back and removed")
                .containsPattern("SKIP +query service +no working query service")
                .containsPattern("OK +key-value latency +p50 \\d+\\.\\d ms, p99 \\d+\\.\\d ms over 100 operations")
                .endsWith("No check failed.\n");
        assertThat(MockCouchbase.getRaw("profilekit::keyspace-check")).isEmpty();
    }

    @Test
    void doctorFailsWhenAConfiguredCollectionCannotBeReached() {
        values.put("profile.db.scope", "profiles");

        int status = launcher().run(new String[] {"doctor"});

        assertThat(status).isEqualTo(1);
        assertThat(printed()).containsPattern("FAIL +collection profiles._default +scope 'profiles' cannot exist")
                .endsWith("check(s) failed.\n");
    }

    @Test
    void initOnAClusterWithoutAQueryServiceStopsWithOneLineSayingSo() {
        int status = launcher().run(new String[] {"init"});

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(message).startsWith("profilekit: this Couchbase cluster has no working query service").contains(
                "needs the query and index services");
        assertThat(message.lines()).hasSize(1);
    }

    @Test
    void generateWithManyWritesInFlightWritesEveryProfile() {
        assertThat(launcher().run(new String[] {"generate", "--count", "40", "--parallelism", "8"})).isZero();

        assertThat(printed()).contains("40/40 profiles (100%)", "Wrote 40 profiles with pictures in", "8 in flight");
        for (int id = 1; id <= 40; id++) {
            assertThat(MockCouchbase.getRaw("user_data:" + id)).as("profile %d", id).isPresent();
        }
    }

    @Test
    void bulkOptionsOutOfRangeAreOneLineAndStatus2() {
        assertThat(launcher().run(new String[] {"generate", "--count", "3", "--parallelism", "0"})).isEqualTo(2);
        assertThat(launcher().run(new String[] {"reindex", "--after", "last"})).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "--parallelism needs a whole number from 1 to 1024, not '0'",
                "--after needs a whole number from 0, not 'last'");
    }
}
