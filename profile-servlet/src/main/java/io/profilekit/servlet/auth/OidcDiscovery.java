package io.profilekit.servlet.auth;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Map;

/**
 * Finds an issuer's key set through OpenID Connect Discovery: the {@code jwks_uri} of
 * {@code <issuer>/.well-known/openid-configuration}, whose {@code issuer} must be the issuer
 * itself (Discovery 1.0, section 4.3), so a document served elsewhere cannot name other keys.
 */
final class OidcDiscovery {

    private static final int TIMEOUT_MILLIS = 2_000;
    private static final int SIZE_LIMIT = 256 * 1024;

    private OidcDiscovery() {
    }

    /** The issuer's discovery document's address. */
    static URI configurationUri(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + "/.well-known/openid-configuration");
    }

    /**
     * The {@code jwks_uri} the issuer publishes.
     *
     * @throws IOException when the document cannot be read, or names another issuer or no key set
     */
    static URL jwksUrl(String issuer) throws IOException {
        URI configuration = configurationUri(issuer);
        Map<String, Object> document;
        try {
            String content = new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT)
                    .retrieveResource(configuration.toURL()).getContent();
            document = JSONObjectUtils.parse(content);
            if (!issuer.equals(JSONObjectUtils.getString(document, "issuer"))) {
                throw new IOException(configuration + " names another issuer than " + issuer);
            }
            String jwks = JSONObjectUtils.getString(document, "jwks_uri");
            if (jwks == null) {
                throw new IOException(configuration + " names no jwks_uri");
            }
            return URI.create(jwks).toURL();
        } catch (ParseException | IllegalArgumentException e) {
            throw new IOException(configuration + " is no OpenID provider configuration", e);
        }
    }
}
