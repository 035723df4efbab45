package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.java.Collection;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Secrets every instance on one cluster shares ({@code secret::<name>} in the lookups
 * collection, {@code {"secret":"<base64>"}}): the first instance to need one inserts 32 random
 * bytes, and every other reads them, so no instance's answer depends on which one made it.
 */
final class SharedSecrets {

    static final int SECRET_BYTES = 32;
    private static final String PREFIX = "secret::";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Collection collection;
    private final Documents documents;

    SharedSecrets(Collection collection, Documents documents) {
        this.collection = collection;
        this.documents = documents;
    }

    byte[] get(String name) {
        String key = PREFIX + name;
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<byte[]> stored = documents.get(collection, key).map(found -> decode(found.contentAs(byte[].class)));
            if (stored.isPresent()) {
                return stored.get();
            }
            byte[] secret = new byte[SECRET_BYTES];
            RANDOM.nextBytes(secret);
            try {
                documents.insert(collection, key, ("{\"secret\":\"" + Base64.getEncoder().encodeToString(secret) + "\"}")
                        .getBytes(StandardCharsets.US_ASCII));
                return secret;
            } catch (DocumentExistsException anotherInstanceWasFirst) {
                // read theirs
            }
        }
        throw new StoreUnavailableException("the shared secret '" + name + "' keeps changing; try again");
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
        throw new StoreUnavailableException("a shared secret document (" + PREFIX + "...) holds no 32-byte base64 secret;"
                + " remove it and a new one is made (picture URLs signed with the old one stop working)");
    }
}
