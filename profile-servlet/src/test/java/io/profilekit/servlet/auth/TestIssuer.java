package io.profilekit.servlet.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An OpenID Connect issuer for tests: a local HTTP server publishing a discovery document and a
 * JWKS of keys made for this run (RSA {@code rsa-1}, EC P-256 {@code ec-1}), which
 * {@link #rotate} replaces with a new RSA key; and tokens signed well or badly by them.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "profilekit";

    private final HttpServer server;
    private final String issuer;
    private final RSAKey rsa;
    private final ECKey ec;
    private final RSAKey rotated;
    private final RSAKey unpublished;
    private volatile List<JWK> published;
    private final AtomicInteger keySetFetches = new AtomicInteger();

    private TestIssuer() throws IOException, JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        unpublished = new RSAKeyGenerator(2048).keyID("rsa-unknown").generate();
        published = List.of(rsa.toPublicJWK(), ec.toPublicJWK());
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        issuer = "http://localhost:" + server.getAddress().getPort() + "/realms/test";
        server.createContext("/realms/test/.well-known/openid-configuration", exchange -> answer(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUrl() + "\"}"));
        server.createContext("/realms/test/certs", exchange -> {
            keySetFetches.incrementAndGet();
            answer(exchange, new JWKSet(published).toString(true));
        });
        server.start();
    }

    /** Starts one; close it when done. */
    public static TestIssuer start() throws IOException, JOSEException {
        return new TestIssuer();
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUrl() {
        return issuer + "/certs";
    }

    /** How often the key set was fetched. */
    public int keySetFetches() {
        return keySetFetches.get();
    }

    /** Publishes a new RSA key ({@code rsa-2}) instead of {@code rsa-1}. */
    public void rotate() {
        published = List.of(rotated.toPublicJWK(), ec.toPublicJWK());
    }

    /** Claims of a good token for {@code username}: this issuer, the audience, five minutes left. */
    public JWTClaimsSet.Builder claims(String username) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject("subject-of-" + username)
                .claim("preferred_username", username)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    /** A good RS256 token for {@code username}. */
    public String token(String username) {
        return rs256(claims(username).build());
    }

    /** A good RS256 token for {@code username}, with its claims changed. */
    public String token(String username, UnaryOperator<JWTClaimsSet.Builder> change) {
        return rs256(change.apply(claims(username)).build());
    }

    public String rs256(JWTClaimsSet claims) {
        return rs256(claims, JOSEObjectType.JWT);
    }

    /** A good RS256 token but for its {@code typ}, such as an ID token's or a logout token's. */
    public String rs256(JWTClaimsSet claims, JOSEObjectType type) {
        return sign(JWSAlgorithm.RS256, rsa.getKeyID(), type, claims, signer(() -> new RSASSASigner(rsa)));
    }

    public String es256(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.ES256, ec.getKeyID(), claims, signer(() -> new ECDSASigner(ec)));
    }

    /** Signed with the key {@link #rotate} publishes. */
    public String rotatedRs256(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.RS256, rotated.getKeyID(), claims, signer(() -> new RSASSASigner(rotated)));
    }

    /** Signed with a key this issuer never publishes. */
    public String unknownKeyRs256(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.RS256, unpublished.getKeyID(), claims, signer(() -> new RSASSASigner(unpublished)));
    }

    /** HS256 with the issuer's public RSA key as the secret: the classic algorithm confusion. */
    public String hs256WithPublicKey(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.HS256, rsa.getKeyID(), claims,
                signer(() -> new MACSigner(rsa.toPublicJWK().toRSAPublicKey().getEncoded())));
    }

    /** {@code alg: none}. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** A good token whose signature's first character is changed. */
    public String badSignature(JWTClaimsSet claims) {
        String token = rs256(claims);
        int at = token.lastIndexOf('.') + 1;
        char first = token.charAt(at);
        return token.substring(0, at) + (first == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    private interface SignerMaker {
        JWSSigner make() throws JOSEException;
    }

    private static JWSSigner signer(SignerMaker maker) {
        try {
            return maker.make();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims, JWSSigner signer) {
        return sign(algorithm, keyId, JOSEObjectType.JWT, claims, signer);
    }

    private static String sign(JWSAlgorithm algorithm, String keyId, JOSEObjectType type, JWTClaimsSet claims,
            JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).type(type).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
