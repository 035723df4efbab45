package io.profilekit.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.ImageFormat;
import io.profilekit.core.Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SampleProfileGeneratorTest {

    @Test
    void theSameSeedAndIndexGiveTheSameProfileWhateverCameBefore() {
        SampleProfileGenerator warmedUp = new SampleProfileGenerator(42);
        warmedUp.profile(3);
        warmedUp.generate(11);

        assertThat(warmedUp.profile(7)).isEqualTo(new SampleProfileGenerator(42).profile(7));
    }

    @Test
    void theSameSeedAndIndexGiveTheSameAvatar() {
        assertThat(new SampleProfileGenerator(42).generate(5).picture())
                .isEqualTo(new SampleProfileGenerator(42).generate(5).picture());
    }

    @Test
    void differentSeedsGiveDifferentPeople() {
        Set<String> usernames = new HashSet<>();
        for (long seed = 0; seed < 5; seed++) {
            usernames.add(new SampleProfileGenerator(seed).profile(0).userId());
        }

        assertThat(usernames).hasSize(5);
    }

    @Test
    void profilesFollowTheSeedsConventions() {
        SampleProfileGenerator generator = new SampleProfileGenerator(7);
        for (int i = 0; i < 200; i++) {
            Profile p = generator.profile(i);
            String first = p.firstName().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            String last = p.lastName().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");

            assertThat(p.name()).isEqualTo(p.firstName() + " " + p.lastName());
            assertThat(p.nickname()).isEqualTo(first.charAt(0) + last);
            assertThat(p.userId()).matches(first + last + "\\d{4}");
            assertThat(p.email()).isEqualTo(first + "." + last + "@example.com");
            assertThat(p.dateOfBirth()).matches("\\d{2}/\\d{2}/\\d{4}");
            assertThat(LocalDate.parse(p.dateOfBirth(), DateTimeFormatter.ofPattern("MM/dd/yyyy")))
                    .isBetween(LocalDate.of(1935, 1, 1), LocalDate.of(2006, 12, 31));
            assertThat(p.state()).matches("[A-Z]{2}");
            assertThat(p.zipCode()).matches("\\d{5}(-\\d{4})?");
            assertThat(p.address()).isNotBlank();
            assertThat(p.city()).isNotBlank();
            assertThat(p.phone()).matches(".*\\d{3}.*\\d{4}.*");
            assertThat(p.emailVerified()).isNotNull();
            assertThat(p.recordId()).isNull();
            assertThat(p.picture()).isNull();
        }
    }

    @Test
    void avatarsAreSmallSquareJpegs() throws IOException {
        SampleProfile sample = new SampleProfileGenerator(1).generate(0);

        assertThat(sample.picture().format()).isEqualTo(ImageFormat.JPEG);
        assertThat(sample.picture().size()).isBetween(500, 16 * 1024);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(sample.picture().bytes()));
        assertThat(image.getWidth()).isEqualTo(AvatarPainter.SIZE);
        assertThat(image.getHeight()).isEqualTo(AvatarPainter.SIZE);
    }

    @Test
    void alternativeUsernamesKeepTheNameAndDifferFromEachOther() {
        SampleProfileGenerator generator = new SampleProfileGenerator(3);
        Profile p = generator.profile(0);
        String base = p.userId().substring(0, p.userId().length() - 4);
        Set<String> alternatives = new HashSet<>();
        for (int attempt = 1; attempt <= 20; attempt++) {
            alternatives.add(generator.alternativeUsername(p, attempt));
        }

        assertThat(alternatives).hasSize(20).allSatisfy(u -> assertThat(u).startsWith(base));
    }

    @Test
    void theDemoSeedsFirstPersonIsTheOneTheDocsShow() {
        Profile first = new SampleProfileGenerator(1).profile(0);

        assertThat(first.name()).isEqualTo("Lolita Armstrong");
        assertThat(first.userId()).isEqualTo("lolitaarmstrong1975");
        assertThat(first.dateOfBirth()).isEqualTo("12/12/1939");
        assertThat(first.emailVerified()).isTrue();
    }

    @Test
    void aboutFourInFivePeopleHaveAVerifiedEmail() {
        SampleProfileGenerator generator = new SampleProfileGenerator(7);
        long verified = LongStream.range(0, 1000).filter(i -> generator.profile(i).emailVerified()).count();

        assertThat(verified).isBetween(760L, 840L);
    }

    @Test
    void birthdaysSpreadOverTheWholeRange() {
        SampleProfileGenerator generator = new SampleProfileGenerator(7);
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            years.add(Integer.parseInt(generator.profile(i).dateOfBirth().substring(6)));
        }

        assertThat(years).contains(1935, 1936, 2005, 2006).hasSizeGreaterThan(60);
    }

    @Test
    void alternativeUsernamesGrowADigitEveryEightAttempts() {
        SampleProfileGenerator generator = new SampleProfileGenerator(3);
        Profile p = generator.profile(0);
        String base = p.userId().substring(0, p.userId().length() - 4);

        assertThat(generator.alternativeUsername(p, 7)).matches(base + "\\d{4}");
        assertThat(generator.alternativeUsername(p, 8)).matches(base + "\\d{5}");
        assertThat(generator.alternativeUsername(p, 16)).matches(base + "\\d{6}");
    }

    @Test
    void alternativeUsernamesDependOnTheSeedAndAreRepeatable() {
        Profile p = new SampleProfileGenerator(3).profile(0);
        Set<String> bySeed = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            bySeed.add(new SampleProfileGenerator(seed).alternativeUsername(p, 1));
        }

        assertThat(bySeed).hasSizeGreaterThan(8);
        assertThat(new SampleProfileGenerator(3).alternativeUsername(p, 2))
                .isEqualTo(new SampleProfileGenerator(3).alternativeUsername(p, 2));
    }
}
