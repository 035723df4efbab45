package io.profilekit.core.couchbase.internal.kv;

import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.java.Collection;
import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.internal.Futures;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The seed's service token: the {@code token} field of {@code service_auth:1}. */
public final class ServiceTokenStore {

    private final Collection collection;
    private final Documents documents;

    public ServiceTokenStore(Collection collection, Documents documents) {
        this.collection = collection;
        this.documents = documents;
    }

    /** The stored token, if there is a non-blank one. */
    public CompletableFuture<Optional<String>> token() {
        return documents.get(collection, Keys.SERVICE_AUTH).thenApply(found -> found.map(document -> {
            try {
                JsonNode token = Json.MAPPER.readTree(document.contentAs(byte[].class)).get("token");
                return token != null && token.isTextual() && !token.asText().isBlank() ? token.asText() : null;
            } catch (IOException e) {
                return null;
            }
        }));
    }

    /** Stores {@code token} unless a token document exists; the token now stored. */
    public CompletableFuture<String> createIfAbsent(String token) {
        byte[] json = Json.MAPPER.createObjectNode().put("record_id", 1).put("token", token).toString()
                .getBytes(StandardCharsets.UTF_8);
        return Futures.then(documents.insert(collection, Keys.SERVICE_AUTH, json), (cas, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(token);
            }
            if (error instanceof DocumentExistsException) {
                return token().thenApply(stored -> stored.orElseThrow(() -> StoreConfigurationException.misconfigured(
                        "service_auth:1 exists but holds no token: give it one, or remove it", null)));
            }
            return CompletableFuture.failedFuture(error);
        });
    }
}
