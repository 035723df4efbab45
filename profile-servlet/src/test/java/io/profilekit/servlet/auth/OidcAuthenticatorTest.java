package io.profilekit.servlet.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import io.profilekit.servlet.ApiRequest;
import io.profilekit.servlet.internal.http.FakeRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OidcAuthenticatorTest {

    private static TestIssuer issuer;
    private static OidcAuthenticator authenticator;

    @BeforeAll
    static void startIssuer() throws Exception {
        issuer = TestIssuer.start();
        authenticator = OidcAuthenticator.builder(issuer.issuer(), TestIssuer.AUDIENCE).jwksUrl(issuer.jwksUrl())
                .adminScope("profiles:admin").build();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    static ApiRequest bearer(String token) {
        return request("Bearer " + token);
    }

    static ApiRequest request(String authorization) {
        FakeRequest request = FakeRequest.of("GET", "/api/v1/me");
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static Date secondsFromNow(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }

    private static void assertRefused(String token, String description) {
        assertThatThrownBy(() -> authenticator.authenticate(bearer(token)))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessage(description);
    }

    @Test
    void anRs256TokenIsThePersonItsUsernameClaimNames() {
        Optional<Principal> caller = authenticator.authenticate(bearer(issuer.token("ada1815")));

        assertThat(caller).contains(new Person("ada1815"));
    }

    @Test
    void anEs256TokenIsAcceptedToo() {
        Optional<Principal> caller = authenticator.authenticate(bearer(issuer.es256(issuer.claims("ada1815").build())));

        assertThat(caller).contains(new Person("ada1815"));
    }

    @Test
    void aTokenWithTheAdminScopeIsAServiceWithFullAccess() {
        String token = issuer.token("ada1815", claims -> claims.claim("scope", "openid profiles:admin email"));

        assertThat(authenticator.authenticate(bearer(token))).contains(OidcAuthenticator.ADMIN);
    }

    @Test
    void theAdminScopeCountsInAnScpListToo() {
        String token = issuer.token("ada1815", claims -> claims.claim("scp", List.of("profiles:admin")));

        assertThat(authenticator.authenticate(bearer(token))).contains(OidcAuthenticator.ADMIN);
    }

    @Test
    void aRequestWithoutABearerJwtIsLeftToOtherAuthenticators() {
        assertThat(authenticator.authenticate(request(null))).isEmpty();
        assertThat(authenticator.authenticate(request("Bearer a-shared-service-token"))).isEmpty();
        assertThat(authenticator.authenticate(request("Basic YWRhOnNlY3JldA=="))).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(issuer.token("ada1815", claims -> claims.expirationTime(secondsFromNow(-120))),
                "the token has expired");
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsAcceptedAndOneJustBeyondItIsNot() {
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        OidcAuthenticator atNow = OidcAuthenticator.builder(issuer.issuer(), TestIssuer.AUDIENCE)
                .jwksUrl(issuer.jwksUrl()).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        String within = issuer.token("ada1815", claims -> claims.issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.minusSeconds(59))));
        String beyond = issuer.token("ada1815", claims -> claims.issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.minusSeconds(61))));

        assertThat(atNow.authenticate(bearer(within))).contains(new Person("ada1815"));
        assertThatThrownBy(() -> atNow.authenticate(bearer(beyond)))
                .isInstanceOf(InvalidTokenException.class).hasMessage("the token has expired");
    }

    @Test
    void aTokenOfAnotherTypeThanAnAccessTokenIsRefused() {
        assertRefused(issuer.rs256(issuer.claims("ada1815").build(), new JOSEObjectType("logout+jwt")),
                "the token is of a type other than an access token (typ JWT or at+jwt)");
    }

    @Test
    void anAccessTokenTypedAtJwtIsAccepted() {
        String token = issuer.rs256(issuer.claims("ada1815").build(), new JOSEObjectType("at+jwt"));

        assertThat(authenticator.authenticate(bearer(token))).contains(new Person("ada1815"));
    }

    @Test
    void aTokenNotValidYetIsRefused() {
        assertRefused(issuer.token("ada1815", claims -> claims.notBeforeTime(secondsFromNow(600))),
                "the token is not valid yet");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertRefused(issuer.token("ada1815", claims -> claims.expirationTime(null)),
                "the token lacks a required claim (exp, iss or aud)");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertRefused(issuer.token("ada1815", claims -> claims.issuer("https://elsewhere.example/realms/test")),
                "the token is from another issuer");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(issuer.token("ada1815", claims -> claims.audience("another-api")),
                "the token is for another audience");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertRefused(TestIssuer.unsigned(issuer.claims("ada1815").build()),
                "unsigned tokens (alg none) are not accepted");
    }

    @Test
    void anHmacTokenSignedWithTheIssuersPublicKeyIsRefused() {
        assertRefused(issuer.hs256WithPublicKey(issuer.claims("ada1815").build()),
                "the token is not signed with RS256 or ES256 by a key the issuer publishes");
    }

    @Test
    void aTokenWithABadSignatureIsRefused() {
        assertRefused(issuer.badSignature(issuer.claims("ada1815").build()), "the token's signature is invalid");
    }

    @Test
    void aTokenSignedByAnUnpublishedKeyIsRefused() {
        String token = issuer.unknownKeyRs256(issuer.claims("ada1815").build());

        assertThatThrownBy(() -> authenticator.authenticate(bearer(token)))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aTokenWithoutTheUsernameClaimIsRefused() {
        assertRefused(issuer.token("ada1815", claims -> claims.claim("preferred_username", null)),
                "the token has no preferred_username claim naming the user");
    }

    @Test
    void aBearerValueShapedLikeAJwtThatIsNoneIsRefused() {
        assertRefused("not.a.jwt", "the bearer token is no JWT");
    }

    @Test
    void anotherUsernameClaimCanNameThePerson() {
        OidcAuthenticator byNickname = OidcAuthenticator.builder(issuer.issuer(), TestIssuer.AUDIENCE)
                .jwksUrl(issuer.jwksUrl()).usernameClaim("nickname").build();
        String token = issuer.token("ada1815", claims -> claims.claim("nickname", "countess"));

        assertThat(byNickname.authenticate(bearer(token))).contains(new Person("countess"));
    }

    @Test
    void refusalsNeverRepeatTheTokensClaims() {
        String token = issuer.token("ada1815", claims -> claims.issuer("https://evil.example/<script>"));

        assertThatThrownBy(() -> authenticator.authenticate(bearer(token)))
                .isInstanceOf(InvalidTokenException.class)
                .message().doesNotContain("evil").doesNotContain("ada1815");
    }

    @Test
    void findsTheKeySetThroughDiscoveryWhenNoUrlIsGiven() throws Exception {
        try (TestIssuer discovered = TestIssuer.start()) {
            OidcAuthenticator fromIssuer = OidcAuthenticator.builder(discovered.issuer(), TestIssuer.AUDIENCE).build();

            assertThat(fromIssuer.authenticate(bearer(discovered.token("ada1815")))).contains(new Person("ada1815"));
            assertThat(discovered.keySetFetches()).isEqualTo(1);
        }
    }

    @Test
    void picksUpARotatedKeyWithoutARestart() throws Exception {
        try (TestIssuer rotating = TestIssuer.start()) {
            OidcAuthenticator rotatingAuthenticator = OidcAuthenticator.builder(rotating.issuer(), TestIssuer.AUDIENCE)
                    .jwksUrl(rotating.jwksUrl()).build();
            assertThat(rotatingAuthenticator.authenticate(bearer(rotating.token("ada1815")))).isPresent();

            rotating.rotate();
            JWTClaimsSet claims = rotating.claims("ada1815").build();

            assertThat(rotatingAuthenticator.authenticate(bearer(rotating.rotatedRs256(claims))))
                    .contains(new Person("ada1815"));
            assertThat(rotating.keySetFetches()).isEqualTo(2);
        }
    }

    @Test
    void keysThatCannotBeFetchedMakeTheProviderUnavailableNotTheTokenInvalid() throws Exception {
        TestIssuer gone = TestIssuer.start();
        OidcAuthenticator unreachable = OidcAuthenticator.builder(gone.issuer(), TestIssuer.AUDIENCE)
                .jwksUrl(gone.jwksUrl()).build();
        String token = gone.token("ada1815");
        gone.close();

        assertThatThrownBy(() -> unreachable.authenticate(bearer(token)))
                .isInstanceOf(IdentityProviderUnavailableException.class);
    }

    @Test
    void aDiscoveryThatFailsMakesTheProviderUnavailable() throws Exception {
        TestIssuer gone = TestIssuer.start();
        OidcAuthenticator undiscovered = OidcAuthenticator.builder(gone.issuer(), TestIssuer.AUDIENCE).build();
        String token = gone.token("ada1815");
        gone.close();

        assertThatThrownBy(() -> undiscovered.authenticate(bearer(token)))
                .isInstanceOf(IdentityProviderUnavailableException.class)
                .hasMessageContaining("/.well-known/openid-configuration");
    }

    @Test
    void aFailedDiscoverySaysWhenItWillBeTriedAgain() throws Exception {
        TestIssuer gone = TestIssuer.start();
        OidcAuthenticator undiscovered = OidcAuthenticator.builder(gone.issuer(), TestIssuer.AUDIENCE).build();
        String token = gone.token("ada1815");
        gone.close();

        assertThatThrownBy(() -> undiscovered.authenticate(bearer(token)))
                .isInstanceOfSatisfying(IdentityProviderUnavailableException.class,
                        unavailable -> assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
        assertThatThrownBy(() -> undiscovered.authenticate(bearer(token)))
                .isInstanceOfSatisfying(IdentityProviderUnavailableException.class, unavailable -> assertThat(
                        unavailable.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void anAudienceIsRequired() {
        assertThatThrownBy(() -> OidcAuthenticator.builder(issuer.issuer(), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("audience");
    }

    @Test
    void theIssuerMustBeAnHttpUrl() {
        assertThatThrownBy(() -> OidcAuthenticator.builder("realms/test", TestIssuer.AUDIENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the issuer must be an http or https URL");
    }

    @Test
    void aPersonsNameNeverShowsInItsToString() {
        assertThat(new Person("ada1815").toString()).doesNotContain("ada1815");
    }
}
