package io.profilekit.servlet.internal.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.internal.Json;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an identity provider reads to learn what profilekit serves (RFC 7644 section 4):
 * {@code /ServiceProviderConfig} (PATCH, filters and ETags yes; bulk, sorting and password
 * changes no), {@code /ResourceTypes} (User, with the enterprise extension) and
 * {@code /Schemas}. Read once from the documents beside this class.
 */
final class ScimDiscovery {

    private final byte[] serviceProviderConfig;
    private final List<JsonNode> resourceTypes;
    private final List<JsonNode> schemas;

    ScimDiscovery() {
        try {
            serviceProviderConfig = Json.MAPPER.writeValueAsBytes(read("service-provider-config.json"));
            resourceTypes = elements(read("resource-types.json"));
            schemas = elements(read("schemas.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("profilekit's SCIM documents cannot be read", e);
        }
    }

    Answer answer(Call call) throws IOException {
        return switch (call.route()) {
            case SCIM_SERVICE_PROVIDER_CONFIG -> ScimAnswers.of(200, serviceProviderConfig);
            case SCIM_RESOURCE_TYPES -> list(resourceTypes);
            case SCIM_RESOURCE_TYPE -> one(call, resourceTypes, "resource type");
            case SCIM_SCHEMAS -> list(schemas);
            default -> one(call, schemas, "schema");
        };
    }

    private static Answer list(List<JsonNode> documents) throws IOException {
        List<byte[]> resources = new ArrayList<>();
        for (JsonNode document : documents) {
            resources.add(Json.MAPPER.writeValueAsBytes(document));
        }
        return ScimAnswers.list(documents.size(), 1, resources);
    }

    private static Answer one(Call call, List<JsonNode> documents, String what) throws IOException {
        String id = call.route().rest(call.request().path()).substring(1);
        for (JsonNode document : documents) {
            if (document.path("id").asText().equals(id)) {
                return ScimAnswers.of(200, Json.MAPPER.writeValueAsBytes(document));
            }
        }
        throw HttpProblem.notFound("no " + what + " '" + id + "' here; " + Route.SCIM_SCHEMAS.template() + " and "
                + Route.SCIM_RESOURCE_TYPES.template() + " list them");
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = ScimDiscovery.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing");
            }
            return Json.MAPPER.readTree(in);
        }
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return List.copyOf(elements);
    }
}
