package io.profilekit.core.couchbase.internal.kv;

import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.java.Collection;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.internal.Futures;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * Secrets every instance on one cluster shares ({@code secret::<name>} in the lookups
 * collection, {@code {"secret":"<base64>"}}): the first instance to need one inserts 32 random
 * bytes, and every other reads them, so no instance's answer depends on which one made it.
 */
public final class SharedSecrets {

    public static final int SECRET_BYTES = 32;
    private static final String PREFIX = "secret::";
    private static final int ATTEMPTS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Collection collection;
    private final Documents documents;

    public SharedSecrets(Collection collection, Documents documents) {
        this.collection = collection;
        this.documents = documents;
    }

    public CompletableFuture<byte[]> get(String name) {
        return get(name, 0);
    }

    private CompletableFuture<byte[]> get(String name, int attempt) {
        if (attempt >= ATTEMPTS) {
            return CompletableFuture.failedFuture(
                    new StoreUnavailableException("the shared secret '" + name + "' keeps changing; try again"));
        }
        String key = PREFIX + name;
        return documents.get(collection, key).thenCompose(stored -> {
            if (stored.isPresent()) {
                return CompletableFuture.completedFuture(decode(stored.get().contentAs(byte[].class)));
            }
            byte[] secret = new byte[SECRET_BYTES];
            RANDOM.nextBytes(secret);
            byte[] json = ("{\"secret\":\"" + Base64.getEncoder().encodeToString(secret) + "\"}")
                    .getBytes(StandardCharsets.US_ASCII);
            return Futures.then(documents.insert(collection, key, json), (cas, error) -> {
                if (error == null) {
                    return CompletableFuture.completedFuture(secret);
                }
                if (error instanceof DocumentExistsException) {
                    return get(name, attempt + 1); // another instance was first: read theirs
                }
                return CompletableFuture.failedFuture(error);
            });
        });
    }

    private static byte[] decode(byte[] json) {
        try {
            byte[] secret = Base64.getDecoder().decode(Json.MAPPER.readTree(json).path("secret").asText(""));
            if (secret.length >= SECRET_BYTES) {
                return secret;
            }
        } catch (IOException | IllegalArgumentException malformed) {
            // said below
        }
        throw StoreConfigurationException.misconfigured("a shared secret document (" + PREFIX + "...) holds no"
                + " 32-byte base64 secret; remove it and a new one is made (picture URLs signed with the old one stop"
                + " working)", null);
    }
}
