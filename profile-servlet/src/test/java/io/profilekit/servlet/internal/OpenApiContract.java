package io.profilekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Holds real responses to openapi.yaml: the route and method must be described, the status
 * documented for them, the media type listed, and a JSON body valid against its schema
 * (checked with networknt's JSON Schema 2020-12 validator); and the requests the server
 * accepted, likewise ({@link #checkAcceptedRequest}). Answers to paths no route of the
 * description matches (unknown routes) and unexpected 500s are not described and not checked.
 */
public final class OpenApiContract {

    public static final JsonNode SPEC = load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private OpenApiContract() {
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(Operations.OPENAPI)) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The description's path template that {@code path} matches, if any. */
    public static Optional<String> template(String path) {
        String bare = path.split("\\?", 2)[0];
        Iterator<String> templates = SPEC.get("paths").fieldNames();
        while (templates.hasNext()) {
            String template = templates.next();
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (bare.matches(regex)) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    public static void check(String method, String path, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        Optional<String> template = template(path);
        if (template.isEmpty() || status == 500) {
            return;
        }
        JsonNode operation = SPEC.get("paths").get(template.get())
                .get(method.equals("HEAD") ? "get" : method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            assertThat(status).as("%s %s is not described, so only 405 may answer it", method, template.get())
                    .isEqualTo(405);
            return;
        }
        JsonNode documented = resolve(operation.path("responses").get(Integer.toString(status)));
        if (documented == null) {
            fail("openapi.yaml does not document %d for %s %s; the body was %s", status, method, template.get(),
                    new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode content = documented.get("content");
        if (content == null || method.equals("HEAD")) {
            if (content == null) {
                assertThat(response.body()).as("%s %s %d documents no body", method, template.get(), status).isEmpty();
            }
            return;
        }
        String mediaType = response.headers().firstValue("Content-Type").orElse("").split(";", 2)[0].trim();
        JsonNode media = content.get(mediaType);
        assertThat(media).as("%s %s %d documents %s, not %s", method, template.get(), status,
                content.properties().stream().map(Map.Entry::getKey).toList(), mediaType).isNotNull();
        JsonNode schema = media.get("schema");
        if (schema != null && mediaType.endsWith("json")) {
            List<Error> errors = schema(schema).validate(new String(response.body(), StandardCharsets.UTF_8),
                    InputFormat.JSON);
            assertThat(errors).as("%s %s %d: body %s against openapi.yaml", method, template.get(), status,
                    new String(response.body(), StandardCharsets.UTF_8)).isEmpty();
        }
    }

    /**
     * Holds a request the server accepted (answered below 300) to the description: its media type
     * must be one the operation's request body lists (exactly, or by a range such as
     * {@code image/*}), and a JSON body valid against that schema. A request the server refused
     * is the test's intended violation, and not checked; one it accepted is what generated
     * clients must be able to send.
     */
    public static void checkAcceptedRequest(String method, String path, String contentType, byte[] body) {
        Optional<String> template = template(path);
        JsonNode operation = template.map(t -> SPEC.get("paths").get(t).get(method.toLowerCase(Locale.ROOT)))
                .orElse(null);
        if (operation == null || body.length == 0) {
            return;
        }
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        // A body without a type is application/octet-stream to its recipient (RFC 9110, 8.3).
        String mediaType = contentType.isBlank() ? "application/octet-stream"
                : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        JsonNode media = content.get(mediaType);
        if (media == null && mediaType.contains("/")) {
            media = content.get(mediaType.substring(0, mediaType.indexOf('/')) + "/*");
        }
        assertThat(media).as("%s %s accepted a %s body, which openapi.yaml does not list (it lists %s)", method,
                template.get(), mediaType, content.properties().stream().map(Map.Entry::getKey).toList()).isNotNull();
        JsonNode schema = media.get("schema");
        if (schema != null && mediaType.endsWith("json")) {
            String text = new String(body, StandardCharsets.UTF_8);
            assertThat(schema(schema).validate(text, InputFormat.JSON))
                    .as("%s %s accepted %s, which openapi.yaml's request schema refuses", method, template.get(), text)
                    .isEmpty();
        }
    }

    private static JsonNode resolve(JsonNode node) {
        if (node != null && node.has("$ref")) {
            String[] pointer = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = SPEC;
            for (String part : pointer) {
                target = target.get(part);
            }
            return target;
        }
        return node;
    }

    /** A schema of the description as a standalone 2020-12 document, its component schemas as {@code $defs}. */
    private static Schema schema(JsonNode node) {
        return COMPILED.computeIfAbsent(node.toString(), key -> {
            ObjectNode document = JSON.createObjectNode();
            document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            document.set("$defs", SPEC.get("components").get("schemas"));
            document.setAll((ObjectNode) node);
            String text = document.toString().replace("\"#/components/schemas/", "\"#/$defs/");
            return SCHEMAS.getSchema(text, InputFormat.JSON);
        });
    }
}
