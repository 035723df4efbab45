package io.profilekit.core.pictures;

import io.profilekit.core.Version;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of picture URLs: HMAC-SHA256 over a profile's record id, its version and the
 * moment the URL expires, so that a URL names one version of one profile's picture until then
 * and cannot be changed to name another. Checks compare in constant time. Thread-safe.
 */
public final class PictureSignatures {

    /** The fewest key bytes accepted: HMAC-SHA256's output length. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /**
     * Signatures under {@code key}.
     *
     * @throws IllegalArgumentException when the key has fewer than {@link #MIN_KEY_BYTES} bytes
     */
    public PictureSignatures(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a picture URL signing key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The signature of a URL for {@code version} of profile {@code recordId}'s picture, valid until {@code expiresAt}. */
    public String sign(long recordId, Version version, long expiresAt) {
        return ENCODER.encodeToString(mac(recordId, version.toString(), expiresAt));
    }

    /**
     * Whether {@code signature} is the one {@link #sign} makes for these values. The version is
     * taken as the text the URL carries, so that a malformed one simply fails.
     */
    public boolean verify(long recordId, String version, long expiresAt, String signature) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(mac(recordId, version, expiresAt), given);
    }

    private byte[] mac(long recordId, String version, long expiresAt) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((recordId + "\n" + version + "\n" + expiresAt).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM lacks " + ALGORITHM, e);
        }
    }
}
