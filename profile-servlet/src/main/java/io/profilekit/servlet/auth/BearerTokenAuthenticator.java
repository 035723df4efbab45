package io.profilekit.servlet.auth;

import io.profilekit.servlet.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Accepts requests that carry one of a set of shared tokens, in any of the forms the seed's
 * clients send: {@code Authorization: Bearer <token>}, {@code Authorization: <token>} or
 * {@code x-access-token: <token>}.
 *
 * <p>Tokens are compared in constant time: both sides are hashed with SHA-256 and the digests
 * compared with {@link MessageDigest#isEqual}, against every configured token, so neither the
 * position of the first wrong character nor the token's length shows in the timing. The token
 * set can be replaced while serving (a token rotated in the database, say).
 */
public final class BearerTokenAuthenticator implements Authenticator {

    private static final String BEARER = "bearer ";

    private volatile List<byte[]> digests;

    /**
     * Accepts the given tokens; none accepts no request.
     *
     * @throws IllegalArgumentException when a token is blank
     */
    public BearerTokenAuthenticator(Collection<String> tokens) {
        setTokens(tokens);
    }

    /**
     * Replaces the accepted tokens; requests already being checked finish with either set.
     *
     * @throws IllegalArgumentException when a token is blank
     */
    public void setTokens(Collection<String> tokens) {
        if (tokens.stream().anyMatch(token -> token == null || token.isBlank())) {
            throw new IllegalArgumentException("API tokens must not be blank");
        }
        digests = tokens.stream().map(BearerTokenAuthenticator::digest).toList();
    }

    /** {@link Service#WITH_TOKEN} for a request with a valid token; checks every header it may be in. */
    @Override
    public Optional<Principal> authenticate(ApiRequest request) {
        boolean accepted = accepts(request.headers("Authorization")) | accepts(request.headers("x-access-token"));
        return accepted ? Optional.of(Service.WITH_TOKEN) : Optional.empty();
    }

    /** Never: it only hashes the token it is given. */
    @Override
    public boolean mayBlock() {
        return false;
    }

    private boolean accepts(List<String> headerValues) {
        boolean accepted = false;
        for (String value : headerValues) {
            accepted |= matches(tokenOf(value));
        }
        return accepted;
    }

    /** The token in a header value: the credentials of a Bearer value, or the value itself. */
    static String tokenOf(String headerValue) {
        String value = headerValue.trim();
        if (value.equalsIgnoreCase(BEARER.trim())) {
            return "";
        }
        if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            value = value.substring(BEARER.length()).trim();
        }
        return value;
    }

    /** Whether {@code token} is one of the accepted tokens, in time independent of both. */
    public boolean matches(String token) {
        if (token.isEmpty()) {
            return false;
        }
        byte[] presented = digest(token);
        boolean match = false;
        for (byte[] accepted : digests) {
            match |= MessageDigest.isEqual(presented, accepted);
        }
        return match;
    }

    private static byte[] digest(String token) {
        return SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8));
    }

    /** One digest per thread: looking the algorithm up is dearer than hashing a token. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    @Override
    public String toString() {
        return "BearerTokenAuthenticator[" + digests.size() + " token(s)]";
    }
}
