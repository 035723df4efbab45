package io.profilekit.servlet.internal.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.internal.http.HttpProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PictureLinksTest {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant START = Instant.parse("2026-12-02T00:00:00Z");
    private static final String BASE = "https://example.com/p";
    private static final StoredProfile ADA = StoredProfile.of(Profile.builder().recordId(7L).userId("ada").build(),
            new Version(0x1a2b));

    private final ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());

    private PictureLinks links(Instant now, boolean publicPictures) {
        return new PictureLinks(repository, null, publicPictures, DAY, BASE, Clock.fixed(now, ZoneOffset.UTC))
                .ready().join();
    }

    private static String url(PictureLinks links) {
        return links.url(null, ADA, links.expiresAt());
    }

    private static String tag(PictureLinks links) {
        return links.entityTag(ADA.version(), links.expiresAt());
    }

    private static String param(String url, String name) {
        return url.replaceAll(".*[?&]" + name + "=([^&]*).*", "$1");
    }

    @Test
    void aUrlExpiresAtTheEndOfTheStepAfterTheOneItIsMadeIn() {
        String url = url(links(START.plusSeconds(3600), false));

        assertThat(url).startsWith(BASE + "/pictures/7?v=1a2b&exp=");
        assertThat(Long.parseLong(param(url, "exp"))).isEqualTo(START.plus(DAY.multipliedBy(2)).getEpochSecond());
    }

    @Test
    void urlsAndTagsStayTheSameWithinAStepAndChangeWithTheNext() {
        PictureLinks early = links(START.plusSeconds(60), false);
        PictureLinks late = links(START.plus(DAY).minusSeconds(1), false);
        PictureLinks next = links(START.plus(DAY), false);

        assertThat(url(late)).isEqualTo(url(early));
        assertThat(tag(late)).isEqualTo(tag(early));
        assertThat(url(next)).isNotEqualTo(url(early));
        assertThat(tag(next)).isNotEqualTo(tag(early));
    }

    @Test
    void aUrlIsAcceptedUntilItExpiresAndCachedForTheTimeLeft() {
        String url = url(links(START, false));
        long expires = Long.parseLong(param(url, "exp"));

        String cacheControl = links(Instant.ofEpochSecond(expires - 10), false)
                .check(7, "1a2b", param(url, "exp"), param(url, "sig"));

        assertThat(cacheControl).isEqualTo("public, max-age=10, immutable");
        assertThatThrownBy(() -> links(Instant.ofEpochSecond(expires), false)
                .check(7, "1a2b", param(url, "exp"), param(url, "sig")))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> assertThat(problem.status()).isEqualTo(403))
                .hasMessageContaining("has expired");
    }

    @Test
    void aVersionOrExpiryThatIsNotCanonicalIsRefused() {
        String url = url(links(START, false));

        assertThatThrownBy(() -> links(START, false).check(7, "01a2b", param(url, "exp"), param(url, "sig")))
                .isInstanceOf(HttpProblem.class);
        assertThatThrownBy(() -> links(START, false).check(7, "1a2b", "+" + param(url, "exp"), param(url, "sig")))
                .isInstanceOf(HttpProblem.class);
        assertThatThrownBy(() -> links(START, false).check(7, "1a2b", null, param(url, "sig")))
                .isInstanceOf(HttpProblem.class);
    }

    @Test
    void publicUrlsCarryOnlyTheVersionAndTheProfileTagIsItsVersion() {
        PictureLinks open = links(START, true);

        assertThat(url(open)).isEqualTo(BASE + "/pictures/7?v=1a2b");
        assertThat(tag(open)).isEqualTo("\"1a2b\"");
    }

    @Test
    void publicPicturesAreImmutableForAYearWithAVersionAndRevalidatedWithout() {
        PictureLinks open = links(START, true);

        assertThat(open.check(7, "1a2b", null, null)).isEqualTo("public, max-age=31536000, immutable");
        assertThat(open.check(7, null, null, null)).isEqualTo("public, no-cache");
    }

    @Test
    void withoutAConfiguredKeyTheStoresSharedSecretSigns() {
        String url = url(links(START, false));
        PictureLinks keyed = new PictureLinks(repository, repository.sharedSecret(PictureLinks.SECRET_NAME), false, DAY,
                BASE, Clock.fixed(START, ZoneOffset.UTC));

        assertThat(url(keyed)).isEqualTo(url);
    }
}
