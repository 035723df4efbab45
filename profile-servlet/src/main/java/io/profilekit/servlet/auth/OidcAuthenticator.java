package io.profilekit.servlet.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.profilekit.servlet.ApiRequest;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.security.Principal;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accepts OpenID Connect access tokens: JWTs signed with RS256 or ES256 by the configured
 * issuer's keys, for the configured audience, unexpired (60 seconds of clock skew allowed).
 * The claim {@code username-claim} (by default {@code preferred_username}) names the
 * {@link Person}; a token granting the admin scope, when one is configured, is a service with
 * full access instead.
 *
 * <p>Checking is Nimbus JOSE+JWT's: keys come from the issuer's JWKS (its address given, or
 * found through OpenID Connect Discovery on first use), are cached, and are fetched again when
 * a token names an unknown key id, at most twice in 30 seconds. A request without a bearer JWT is
 * left to other authenticators; a bearer JWT this class refuses is an
 * {@link InvalidTokenException}; keys that cannot be fetched are an
 * {@link IdentityProviderUnavailableException}. No token, claim or username is logged.
 */
public final class OidcAuthenticator implements Authenticator {

    /** The claim that names a person's username unless another is configured. */
    public static final String DEFAULT_USERNAME_CLAIM = "preferred_username";
    /** How far the issuer's clock and this one may disagree about a token's times. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** The key set is fetched at most twice per this (Nimbus' rate limit). */
    public static final Duration KEY_REFETCH_INTERVAL = Duration.ofSeconds(30);

    /** The caller of a token that grants the admin scope: a service, with full access. */
    public static final Service ADMIN = new Service("oidc-admin");

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final Duration DISCOVERY_RETRY = Duration.ofSeconds(5);

    private final String issuer;
    private final String audience;
    private final String usernameClaim;
    private final String adminScope;
    private final URL jwksUrl;
    private final Clock clock;
    private volatile DefaultJWTProcessor<SecurityContext> processor;
    private long discoveryFailedAt = Long.MIN_VALUE;

    private OidcAuthenticator(Builder builder) {
        issuer = builder.issuer;
        audience = builder.audience;
        usernameClaim = builder.usernameClaim;
        adminScope = builder.adminScope;
        jwksUrl = builder.jwksUrl;
        clock = builder.clock;
        if (jwksUrl != null) {
            processor = processor(jwksUrl);
        }
    }

    /**
     * Accepts tokens that {@code issuer} (its {@code iss}, such as
     * {@code https://sso.example.com/realms/apps}) signed for {@code audience} (one of their
     * {@code aud}).
     */
    public static Builder builder(String issuer, String audience) {
        return new Builder(issuer, audience);
    }

    @Override
    public Optional<Principal> authenticate(ApiRequest request) {
        String token = bearerJwt(request.header("Authorization"));
        if (token == null) {
            return Optional.empty();
        }
        JWTClaimsSet claims = verified(token);
        if (adminScope != null && scopes(claims).contains(adminScope)) {
            return Optional.of(ADMIN);
        }
        Object username = claims.getClaim(usernameClaim);
        if (!(username instanceof String name) || name.isBlank()) {
            throw new InvalidTokenException("the token has no " + usernameClaim + " claim naming the user");
        }
        return Optional.of(new Person(name));
    }

    /** The JWT of an {@code Authorization: Bearer} value, or {@code null} when there is none. */
    static String bearerJwt(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.chars().filter(c -> c == '.').count() == 2 ? token : null;
    }

    private JWTClaimsSet verified(String token) {
        try {
            return processor().process(token, null);
        } catch (ParseException e) {
            throw new InvalidTokenException("the bearer token is no JWT");
        } catch (BadJWTException e) {
            throw new InvalidTokenException(claimsProblem(e.getMessage()));
        } catch (BadJOSEException e) {
            throw new InvalidTokenException(signatureProblem(e.getMessage()));
        } catch (RateLimitReachedException e) {
            throw new InvalidTokenException("the token is signed with a key the issuer does not publish");
        } catch (KeySourceException e) {
            throw new IdentityProviderUnavailableException("cannot fetch the keys of the issuer " + issuer, e);
        } catch (JOSEException e) {
            throw new InvalidTokenException("the token's signature cannot be checked");
        }
    }

    /** What is wrong with a token's claims, in words that repeat none of them. */
    private static String claimsProblem(String message) {
        String text = message == null ? "" : message;
        if (text.startsWith("Expired")) {
            return "the token has expired";
        }
        if (text.contains("before use time")) {
            return "the token is not valid yet";
        }
        if (text.contains("aud claim") || text.contains("audience")) {
            return "the token is for another audience";
        }
        if (text.contains("iss claim")) {
            return "the token is from another issuer";
        }
        if (text.contains("missing required claims")) {
            return "the token lacks a required claim (exp, iss or aud)";
        }
        return "the token's claims are not accepted";
    }

    /** What is wrong with a token's header or signature. */
    private static String signatureProblem(String message) {
        String text = message == null ? "" : message;
        if (text.contains("plain")) {
            return "unsigned tokens (alg none) are not accepted";
        }
        if (text.contains("Invalid signature")) {
            return "the token's signature is invalid";
        }
        if (text.contains("type")) {
            return "the token is of a type other than an access token (typ JWT or at+jwt)";
        }
        return "the token is not signed with RS256 or ES256 by a key the issuer publishes";
    }

    /** The token's scopes: the space-separated {@code scope} claim, or the {@code scp} string or list. */
    private static Set<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        Object scopes = scope instanceof String ? scope : claims.getClaim("scp");
        if (scopes instanceof String text) {
            return Arrays.stream(text.trim().split("\\s+")).collect(Collectors.toSet());
        }
        if (scopes instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).collect(Collectors.toSet());
        }
        return Set.of();
    }

    /** The processor, made on first use when the key set's address must be discovered. */
    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> made = processor;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (processor == null) {
                long now = clock.millis();
                if (discoveryFailedAt != Long.MIN_VALUE && now - discoveryFailedAt < DISCOVERY_RETRY.toMillis()) {
                    throw new IdentityProviderUnavailableException("the issuer's discovery document could not be"
                            + " read a moment ago", null,
                            DISCOVERY_RETRY.minusMillis(now - discoveryFailedAt));
                }
                try {
                    processor = processor(OidcDiscovery.jwksUrl(issuer));
                } catch (IOException e) {
                    discoveryFailedAt = now;
                    throw new IdentityProviderUnavailableException("cannot read "
                            + OidcDiscovery.configurationUri(issuer) + ": " + e.getMessage(), e, DISCOVERY_RETRY);
                }
            }
            return processor;
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor(URL keys) {
        JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(keys)
                .rateLimited(KEY_REFETCH_INTERVAL.toMillis())
                .retrying(true)
                .build();
        DefaultJWTProcessor<SecurityContext> made = new DefaultJWTProcessor<>();
        made.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
                null));
        made.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, source));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp"), null) {
            @Override
            protected java.util.Date currentTime() {
                return java.util.Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        made.setJWTClaimsSetVerifier(claims);
        return made;
    }

    /** The issuer whose tokens this accepts. */
    public String issuer() {
        return issuer;
    }

    @Override
    public String toString() {
        return "OidcAuthenticator[issuer=" + issuer + ", audience=" + audience + ", usernameClaim=" + usernameClaim
                + ", adminScope=" + (adminScope == null ? "(none)" : adminScope) + ", jwks="
                + (jwksUrl == null ? "(discovered)" : jwksUrl) + "]";
    }

    /** Builds an {@link OidcAuthenticator}. */
    public static final class Builder {
        private final String issuer;
        private final String audience;
        private String usernameClaim = DEFAULT_USERNAME_CLAIM;
        private String adminScope;
        private URL jwksUrl;
        private Clock clock = Clock.systemUTC();

        private Builder(String issuer, String audience) {
            this.issuer = httpUrl(issuer, "the issuer").toString();
            if (audience == null || audience.isBlank()) {
                throw new IllegalArgumentException("an audience is required: the aud that tokens for profilekit carry");
            }
            this.audience = audience;
        }

        /** Where the issuer publishes its keys; unless set, found through OpenID Connect Discovery. */
        public Builder jwksUrl(String value) {
            try {
                jwksUrl = httpUrl(value, "the JWKS URL").toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("the JWKS URL must be an http or https URL", e);
            }
            return this;
        }

        /** The claim naming the person's username; {@link #DEFAULT_USERNAME_CLAIM} unless set. */
        public Builder usernameClaim(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the username claim must not be blank");
            }
            usernameClaim = value;
            return this;
        }

        /** A scope that makes a token's holder a service with full access; none unless set. */
        public Builder adminScope(String value) {
            adminScope = value == null || value.isBlank() ? null : value;
            return this;
        }

        /** The clock tokens' times are checked against; the system's unless set (tests set their own). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public OidcAuthenticator build() {
            return new OidcAuthenticator(this);
        }

        private static URI httpUrl(String value, String what) {
            URI uri;
            try {
                uri = URI.create(Objects.requireNonNull(value, what));
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(what + " must be an http or https URL, not '" + value + "'");
            }
            return uri;
        }
    }
}
