package io.profilekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.internal.Json;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.auth.Authenticator;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import io.profilekit.servlet.auth.OidcAuthenticator;
import io.profilekit.servlet.auth.TestIssuer;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.profiles.ProfileResource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route and method against every kind of caller: no token, a service's shared token, an
 * admin-scope token, person A, person B (whose profile the routes name), a person without a
 * profile yet, and each bad token the OpenID Connect authenticator must refuse. Each cell
 * starts from the same two stored profiles and checks the status, for 200s the exact set of
 * fields (or an image), for 401s the challenge, and after every refusal that nothing stored
 * changed. The expectations are written out below, independently of the access rules.
 */
class AuthorizationMatrixTest {

    /** The columns of the table. */
    enum Kind { ANONYMOUS, SERVICE, ADMIN, PERSON_A, PERSON_B, NEWCOMER }

    private static final String FULL = "record_id name nickname picture user_id email email_verified first_name"
            + " last_name phone date_of_birth";
    private static final String PUBLIC = "record_id name nickname picture user_id";
    private static final String URL = " picture_url";
    private static final String DOCUMENT = "record_id type image";
    private static final String IMAGE = "image";

    private record Caller(String name, Kind kind, String authorization) {
    }

    private record Row(String method, String path, String body, String[] expected) {
    }

    private static TestIssuer issuer;
    private static RunningServer http;
    private static final List<Caller> CALLERS = new ArrayList<>();
    private static final List<Row> ROWS = new ArrayList<>();
    private static long bPicture;

    @BeforeAll
    static void start() throws Exception {
        issuer = TestIssuer.start();
        Authenticator authenticator = Authenticator.firstOf(new BearerTokenAuthenticator(List.of(RunningServer.TOKEN)),
                OidcAuthenticator.builder(issuer.issuer(), TestIssuer.AUDIENCE).jwksUrl(issuer.jwksUrl())
                        .adminScope("profiles:admin").build());
        http = RunningServer.start(ProfileRepository.of(new InMemoryProfileStore()),
                builder -> builder.authenticator(authenticator).scim(true));
        callers();
        rows();
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        issuer.close();
    }

    private static void callers() {
        Date past = Date.from(Instant.now().minusSeconds(3600));
        CALLERS.add(new Caller("no token", Kind.ANONYMOUS, null));
        CALLERS.add(new Caller("service token", Kind.SERVICE, "Bearer " + RunningServer.TOKEN));
        CALLERS.add(new Caller("admin scope", Kind.ADMIN,
                "Bearer " + issuer.token("root", claims -> claims.claim("scope", "openid profiles:admin"))));
        CALLERS.add(new Caller("person A", Kind.PERSON_A, "Bearer " + issuer.token("ada1815")));
        CALLERS.add(new Caller("person B", Kind.PERSON_B, "Bearer " + issuer.es256(issuer.claims("grace1906").build())));
        CALLERS.add(new Caller("person without a profile", Kind.NEWCOMER, "Bearer " + issuer.token("carol")));
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", issuer.token("ada1815", claims -> claims.expirationTime(past)));
        bad.put("not yet valid", issuer.token("ada1815",
                claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))));
        bad.put("wrong issuer", issuer.token("ada1815", claims -> claims.issuer("https://other.example/realms/x")));
        bad.put("wrong audience", issuer.token("ada1815", claims -> claims.audience("other-api")));
        bad.put("alg none", TestIssuer.unsigned(issuer.claims("ada1815").build()));
        bad.put("HS256 with the public key", issuer.hs256WithPublicKey(issuer.claims("ada1815").build()));
        bad.put("bad signature", issuer.badSignature(issuer.claims("ada1815").build()));
        bad.put("unknown key", issuer.unknownKeyRs256(issuer.claims("ada1815").build()));
        bad.put("no username claim", issuer.token("ada1815", claims -> claims.claim("preferred_username", null)));
        bad.forEach((name, token) -> CALLERS.add(new Caller(name, Kind.ANONYMOUS, "Bearer " + token)));
    }

    /** Expectations in the order of {@link Kind}: anonymous, service, admin, A, B, newcomer. */
    private static void row(String method, String path, String body, String... expected) {
        ROWS.add(new Row(method, path, body, expected));
    }

    private static void rows() {
        String seedFull = "200 " + FULL;
        String seedPublic = "200 " + PUBLIC;
        for (String method : new String[] {"GET", "HEAD"}) {
            for (String path : new String[] {"/api/v1/id/2", "/api/v1/username/grace1906", "/api/v1/nickname/grace"}) {
                row(method, path, null, "401", seedFull, seedFull, seedPublic, seedPublic, seedPublic);
            }
            row(method, "/api/v1/picture/record/{picture}", null, "401", "200 " + DOCUMENT, "200 " + DOCUMENT,
                    "200 " + DOCUMENT, "200 " + DOCUMENT, "200 " + DOCUMENT);
            row(method, "/api/v1/picture/raw/{picture}", null, "401", "200 image", "200 image", "200 image",
                    "200 image", "200 image");
            row(method, "/api/v1/profiles", null, "401", "200 " + FULL + URL, "200 " + FULL + URL,
                    "200 " + PUBLIC + URL, "200 " + PUBLIC + URL, "200 " + PUBLIC + URL);
            row(method, "/api/v1/search?q=grace%20hop", null, "401", "200 " + FULL + URL, "200 " + FULL + URL,
                    "200 " + PUBLIC + URL, "200 " + PUBLIC + URL, "200 " + PUBLIC + URL);
            row(method, "/api/v1/profiles/2", null, "401", "200 " + FULL + URL, "200 " + FULL + URL,
                    "200 " + PUBLIC + URL, "200 " + PUBLIC + URL, "200 " + PUBLIC + URL);
            row(method, "/api/v1/profiles/2/picture", null, "401", "200 image", "200 image", "200 image",
                    "200 image", "200 image");
            row(method, "/api/v1/me", null, "401", "403", "403", "200 " + FULL + URL, "200 " + FULL + URL, "404");
            row(method, "/api/v1/me/picture", null, "401", "403", "403", "200 image", "200 image", "404");
            row(method, "/api/v1/profiles/export", null, "401", "200", "200", "403", "403", "403");
            row(method, "/api/v1/me/export", null, "401", "403", "403", "200 picture profile", "200 picture profile",
                    "404");
            row(method, "/pictures/2", null, "403", "403", "403", "403", "403", "403");
            for (String scim : new String[] {"/scim/v2/Users", "/scim/v2/Users/2", "/scim/v2/ServiceProviderConfig",
                "/scim/v2/ResourceTypes", "/scim/v2/ResourceTypes/User", "/scim/v2/Schemas",
                "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"}) {
                row(method, scim, null, "401", "200", "200", "403", "403", "403");
            }
            for (String open : new String[] {"/healthz", "/readyz", "/metrics", "/openapi.yaml"}) {
                row(method, open, null, "200", "200", "200", "200", "200", "200");
            }
        }
        String created = "201 record_id name user_id" + URL;
        row("POST", "/api/v1/profiles", "{\"user_id\":\"newperson\",\"name\":\"New Person\"}", "401", created, created,
                "403", "403", "403");
        String replaced = "200 record_id name nickname picture user_id" + URL;
        row("PUT", "/api/v1/profiles/2", "{\"user_id\":\"grace1906\",\"name\":\"Grace\",\"nickname\":\"grace\"}", "401",
                replaced, replaced, "403", "403", "403");
        row("PATCH", "/api/v1/profiles/2", "{\"name\":\"Grace B. Hopper\"}", "401", "200 " + FULL + URL,
                "200 " + FULL + URL, "403", "403", "403");
        row("DELETE", "/api/v1/profiles/2", null, "401", "204", "204", "403", "403", "403");
        row("PUT", "/api/v1/profiles/2/picture", "png", "401", "204", "204", "403", "403", "403");
        row("DELETE", "/api/v1/profiles/2/picture", null, "401", "204", "204", "403", "403", "403");
        row("POST", "/api/v1/me", "{\"name\":\"Carol\",\"nickname\":\"carol\"}", "401", "403", "403", "409", "409",
                "201 record_id name nickname user_id" + URL);
        String ownReplaced = "200 record_id name nickname picture user_id email_verified" + URL;
        row("PUT", "/api/v1/me", "{\"name\":\"Me\",\"nickname\":\"me\"}", "401", "403", "403", ownReplaced,
                ownReplaced, "404");
        row("PATCH", "/api/v1/me", "{\"nickname\":\"changed\"}", "401", "403", "403", "200 " + FULL + URL,
                "200 " + FULL + URL, "404");
        row("DELETE", "/api/v1/me", null, "401", "403", "403", "204", "204", "404");
        row("PUT", "/api/v1/me/picture", "png", "401", "403", "403", "204", "204", "404");
        row("DELETE", "/api/v1/me/picture", null, "401", "403", "403", "204", "204", "404");
        row("POST", "/scim/v2/Users", "{\"userName\":\"scimperson\"}", "401", "201", "201", "403", "403", "403");
        row("PUT", "/scim/v2/Users/2", "{\"userName\":\"grace1906\",\"displayName\":\"Grace\"}", "401", "200", "200",
                "403", "403", "403");
        row("PATCH", "/scim/v2/Users/2", "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"RADM\"}]}",
                "401", "200", "200", "403", "403", "403");
        row("DELETE", "/scim/v2/Users/2", null, "401", "204", "204", "403", "403", "403");
        for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) {
            row(method, "/scim/v2/Groups", null, "401", "501", "501", "403", "403", "403");
        }
    }

    @Test
    void coversEveryMethodOfEveryRoute() {
        Set<String> tested = new TreeSet<>();
        for (Row row : ROWS) {
            String path = row.path().replace("{picture}", "1").split("\\?")[0];
            tested.add(row.method() + " " + Route.template(path));
        }
        Set<String> routes = new TreeSet<>();
        for (Route route : Route.values()) {
            Arrays.stream(route.allow().split(", ")).forEach(method -> routes.add(method + " " + route.template()));
        }

        assertThat(tested).isEqualTo(routes);
    }

    @Test
    void everyCallerGetsExactlyWhatTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : ROWS) {
            for (Caller caller : CALLERS) {
                reset();
                String before = stored();
                String expected = row.expected()[caller.kind().ordinal()];
                HttpResponse<byte[]> response;
                try {
                    response = send(row, caller);
                } catch (java.io.IOException e) {
                    wrong.add(row.method() + " " + row.path() + " as " + caller.name() + ": no answer, " + e);
                    continue;
                }
                cells++;
                String problem = check(row, caller, expected, response);
                if (problem == null && (expected.startsWith("401") || expected.startsWith("403")
                        || expected.startsWith("404") || expected.startsWith("409")) && !stored().equals(before)) {
                    problem = "changed what is stored";
                }
                if (problem != null) {
                    wrong.add(row.method() + " " + row.path() + " as " + caller.name() + ": " + problem);
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(cells).isEqualTo(ROWS.size() * CALLERS.size());
    }

    private static HttpResponse<byte[]> send(Row row, Caller caller) throws Exception {
        String path = row.path().replace("{picture}", Long.toString(bPicture));
        List<String> headers = new ArrayList<>();
        if (caller.authorization() != null) {
            headers.add("Authorization");
            headers.add(caller.authorization());
        }
        byte[] body = new byte[0];
        if ("png".equals(row.body())) {
            body = PictureLookupsTest.PNG;
            headers.add("Content-Type");
            headers.add("image/png");
        } else if (row.body() != null) {
            body = row.body().getBytes(StandardCharsets.UTF_8);
            headers.add("Content-Type");
            headers.add(path.startsWith("/scim/") ? "application/scim+json"
                    : row.method().equals("PATCH") ? ProfileResource.MERGE_PATCH : "application/json");
        }
        return http.sendExactly(row.method(), path, body, headers.toArray(String[]::new));
    }

    /** What is wrong with the answer, or {@code null}. */
    private static String check(Row row, Caller caller, String expected, HttpResponse<byte[]> response)
            throws Exception {
        String[] parts = expected.split(" ", 2);
        if (response.statusCode() != Integer.parseInt(parts[0])) {
            return "status " + response.statusCode() + " instead of " + parts[0] + ": " + RunningServer.text(response);
        }
        if (response.statusCode() == 401) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            boolean refusedToken = caller.authorization() != null;
            if (challenge.contains("error=\"invalid_token\"") != refusedToken) {
                return "challenge '" + challenge + "'";
            }
        }
        if (parts.length == 1 || row.method().equals("HEAD")) {
            return null;
        }
        if (parts[1].equals(IMAGE)) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            return type.startsWith("image/") ? null : "Content-Type " + type + " instead of an image";
        }
        Set<String> fields = new TreeSet<>(List.of(parts[1].split(" ")));
        List<Set<String>> answered = fieldSets(Json.MAPPER.readTree(response.body()));
        for (Set<String> each : answered) {
            if (!each.equals(fields)) {
                return "fields " + each + " instead of " + fields;
            }
        }
        return answered.isEmpty() ? "no profile in the answer" : null;
    }

    /** The field names of each profile in an answer: an object, the seed's array, or a listing page. */
    private static List<Set<String>> fieldSets(JsonNode answer) {
        List<Set<String>> sets = new ArrayList<>();
        JsonNode items = answer.isArray() ? answer : answer.has("items") ? answer.get("items") : null;
        if (items == null) {
            sets.add(names(answer));
        } else {
            items.forEach(item -> sets.add(names(item)));
        }
        return sets;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        Iterator<String> fields = object.fieldNames();
        fields.forEachRemaining(names::add);
        return names;
    }

    /** Person A (record 1) and person B (record 2), both with every field and a picture; nobody else. */
    private static void reset() {
        for (StoredProfile stored : http.repository.list(new ProfileQuery(null, null, null, 0, 100)).items()) {
            http.repository.delete(stored.recordId());
        }
        http.repository.create(person(1, "Ada Lovelace", "ada", "ada1815"));
        http.repository.create(person(2, "Grace Hopper", "grace", "grace1906"));
        http.repository.putPicture(1, ProfilePicture.of(PictureLookupsTest.PNG));
        http.repository.putPicture(2, ProfilePicture.of(PictureLookupsTest.PNG));
        bPicture = http.repository.findById(2).orElseThrow().profile().picture();
    }

    private static Profile person(long id, String name, String nickname, String username) {
        return Profile.builder().recordId(id).name(name).nickname(nickname).userId(username)
                .email(nickname + "@example.com").emailVerified(true).firstName(name.split(" ")[0])
                .lastName(name.split(" ")[1]).phone("555-010" + id).dateOfBirth("09/12/1906").build();
    }

    /** Everything stored, to see that a refused request changed nothing. */
    private static String stored() {
        StringBuilder all = new StringBuilder();
        for (StoredProfile stored : http.repository.list(new ProfileQuery(null, null, null, 0, 100)).items()) {
            all.append(new String(stored.json(), StandardCharsets.UTF_8)).append(stored.version()).append('\n');
            Long picture = stored.profile().picture();
            if (picture != null) {
                all.append(http.repository.findPicture(picture).orElseThrow().version()).append('\n');
            }
        }
        return all.toString();
    }
}
