package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.java.Collection;
import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The seed's service token: the {@code token} field of {@code service_auth:1}. */
final class ServiceTokenStore {

    private final Collection collection;
    private final Documents documents;

    ServiceTokenStore(Collection collection, Documents documents) {
        this.collection = collection;
        this.documents = documents;
    }

    /** The stored token, if there is a non-blank one. */
    Optional<String> token() {
        return documents.get(collection, Keys.SERVICE_AUTH).map(found -> {
            try {
                JsonNode token = Json.MAPPER.readTree(found.contentAs(byte[].class)).get("token");
                return token != null && token.isTextual() && !token.asText().isBlank() ? token.asText() : null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** Stores {@code token} unless a token document exists; returns the token now stored. */
    String createIfAbsent(String token) {
        byte[] json = Json.MAPPER.createObjectNode().put("record_id", 1).put("token", token).toString()
                .getBytes(StandardCharsets.UTF_8);
        try {
            documents.insert(collection, Keys.SERVICE_AUTH, json);
            return token;
        } catch (DocumentExistsException present) {
            return token().orElseThrow(() -> new StoreUnavailableException("service_auth:1 exists but holds no token"));
        }
    }
}
