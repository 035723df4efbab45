package io.profilekit.server;


import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.server.settings.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> values = new HashMap<>(Map.of(
            "profile.port", "0", "profile.demo.profiles", "3"));

    private CommandLine launcher() {
        return new CommandLine(Settings.of(values::get), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(ProfileServer server, String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesGeneratedDemoProfilesWithPicturesToTheConfiguredToken() throws Exception {
        values.put("profile.api.tokens", "one-token,another-token");
        ProfileServer server = launcher().serve(false);
        try {
            HttpResponse<String> third = get(server, "/api/v1/id/3", "another-token");
            HttpResponse<String> picture = get(server, "/api/v1/picture/raw/3", "one-token");

            assertThat(third.statusCode()).isEqualTo(200);
            assertThat(third.body()).contains("\"record_id\":3", "\"picture\":3");
            assertThat(get(server, "/api/v1/id/4", "one-token").statusCode()).isEqualTo(404);
            assertThat(picture.statusCode()).isEqualTo(200);
            assertThat(picture.headers().firstValue("Content-Type")).contains("image/jpeg");
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("one-token", "another-token");
        } finally {
            server.stop();
        }
    }

    @Test
    void printsAGeneratedTokenThatWorksWhenNoneIsConfigured() throws Exception {
        ProfileServer server = launcher().serve(false);
        try {
            Matcher token = Pattern.compile("API token.*\\n\\s+(\\S+)").matcher(out.toString(StandardCharsets.UTF_8));

            assertThat(token.find()).isTrue();
            assertThat(token.group(1)).hasSizeGreaterThanOrEqualTo(40);
            assertThat(get(server, "/api/v1/id/1", token.group(1)).statusCode()).isEqualTo(200);
            assertThat(get(server, "/api/v1/id/1", "guess").statusCode()).isEqualTo(401);
        } finally {
            server.stop();
        }
    }

    @Test
    void generatesADifferentTokenEachRun() throws Exception {
        Pattern line = Pattern.compile("API token.*\\n\\s+(\\S+)");
        String first;
        ProfileServer server = launcher().serve(false);
        server.stop();
        Matcher firstToken = line.matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(firstToken.find()).isTrue();
        first = firstToken.group(1);
        out.reset();

        server = launcher().serve(false);
        server.stop();
        Matcher secondToken = line.matcher(out.toString(StandardCharsets.UTF_8));

        assertThat(secondToken.find()).isTrue();
        assertThat(secondToken.group(1)).isNotEqualTo(first);
    }

    @Test
    void refusesAWrongSettingWithOneLineAndStatus2() {
        values.put("profile.port", "http");

        int status = launcher().run(new String[0]);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("profilekit: profile.port must be a whole number from 0 to 65535, not 'http'"
                        + System.lineSeparator());
    }

    @Test
    void refusesACorsWildcardNamingTheSetting() {
        values.put("profile.cors.allowed-origins", "https://app.example.com,*");

        int status = launcher().run(new String[0]);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("profilekit: profile.cors.allowed-origins: '*' is no origin as browsers send it");
    }

    @Test
    void refusesAPictureSigningKeyShorterThan32BytesWithoutShowingIt() {
        values.put("profile.pictures.signing-key", "too-short");

        int status = launcher().run(new String[0]);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("profilekit: profile.pictures.signing-key: the picture signing key needs at least 32 bytes")
                .doesNotContain("too-short");
    }

    @Test
    void refusesAMisspeltSettingNamingTheClosestOne() {
        int status = new CommandLine(Settings.of(Settings.Source.listing(values::get,
                () -> List.of("profile.db.bukcet"))), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[0]);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("profilekit: unknown setting profile.db.bukcet"
                + " (did you mean profile.db.bucket?); docs/configuration.md lists them all" + System.lineSeparator());
    }

    @Test
    void refusesAnUnknownCommandWithUsage() {
        int status = launcher().run(new String[] {"launch"});

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'launch'", "usage:");
    }

    @Test
    void couchbaseCommandsExplainThemselvesOnTheMemoryStore() {
        assertThat(launcher().run(new String[] {"init"})).isZero();
        assertThat(launcher().run(new String[] {"reindex"})).isZero();
        assertThat(launcher().run(new String[] {"generate", "--count", "5"})).isEqualTo(2);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("needs no init", "nothing to reindex");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("generate writes to Couchbase");
    }

    @Test
    void saysWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            values.put("profile.port", String.valueOf(taken.getLocalPort()));

            int status = launcher().run(new String[0]);

            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("cannot listen on port " + taken.getLocalPort(), "PROFILE_PORT");
        }
    }
}
