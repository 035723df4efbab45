package io.profilekit.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A client's key for one create, after the IETF draft "The Idempotency-Key HTTP Header Field":
 * the same key with the same profile answers what its first use answered, however often it is
 * retried and through whichever instance; with another profile it is refused. Keys are kept
 * per {@code scope} (whose key it is: a service, a person), so that two callers' keys never
 * meet, for {@code lifetime}.
 *
 * @param scope who chose the key; never shown to anyone else
 * @param value the key: 1 to {@value #MAX_LENGTH} printable ASCII characters
 * @param lifetime how long the key's answer is kept, from its first use
 */
public record IdempotencyKey(String scope, String value, Duration lifetime) {

    /** The longest key accepted. */
    public static final int MAX_LENGTH = 255;

    /** @throws IllegalArgumentException for a key that is empty, too long or not printable ASCII */
    public IdempotencyKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(lifetime, "lifetime");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("an idempotency key is 1 to " + MAX_LENGTH
                    + " printable ASCII characters");
        }
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("an idempotency key is kept for a second at least");
        }
    }

    /**
     * Where a store keeps the key: a digest of scope and value, 64 hexadecimal digits, so that
     * neither is stored as given and any key fits any store's key format.
     */
    public String digest() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(scope.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
