package io.profilekit.core.sample;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Generates realistic US people the way the seed's data generator did: nickname is the first
 * initial and the last name in lower case ({@code jsmith}), username is first and last name
 * and four digits ({@code johnsmith4821}), e-mail {@code john.smith@example.com}, date of birth
 * {@code MM/dd/yyyy}, with a US address and phone number.
 *
 * <p>Deterministic: the profile at index {@code i} depends only on the seed and {@code i}, not
 * on the order of calls or the date. Not thread-safe; use one generator per thread.
 */
public final class SampleProfileGenerator {

    private static final DateTimeFormatter DATE_OF_BIRTH = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final LocalDate OLDEST_BIRTHDAY = LocalDate.of(1935, 1, 1);
    private static final LocalDate YOUNGEST_BIRTHDAY = LocalDate.of(2006, 12, 31);

    private final long seed;
    private final Random random = new Random();
    private final Faker faker = new Faker(Locale.US, random);
    private final AvatarPainter avatars = new AvatarPainter();

    /** A generator whose output is fixed by {@code seed}. */
    public SampleProfileGenerator(long seed) {
        this.seed = seed;
    }

    /** The person at {@code index}, with an avatar. */
    public SampleProfile generate(long index) {
        Profile profile = profile(index);
        reseed(index, 1);
        return new SampleProfile(profile, avatars.paint(random));
    }

    /** The person at {@code index}, without an avatar (much cheaper to make). */
    public Profile profile(long index) {
        reseed(index, 0);
        String first = faker.name().firstName();
        String last = faker.name().lastName();
        String firstKey = letters(first);
        String lastKey = letters(last);
        LocalDate birthday = OLDEST_BIRTHDAY.plusDays(
                random.nextInt((int) (YOUNGEST_BIRTHDAY.toEpochDay() - OLDEST_BIRTHDAY.toEpochDay())));
        return Profile.builder()
                .name(first + " " + last)
                .nickname(firstKey.charAt(0) + lastKey)
                .userId(firstKey + lastKey + String.format(Locale.ROOT, "%04d", random.nextInt(10_000)))
                .email(firstKey + "." + lastKey + "@example.com")
                .emailVerified(random.nextInt(10) < 8)
                .firstName(first)
                .lastName(last)
                .address(faker.address().streetAddress())
                .city(faker.address().city())
                .state(faker.address().stateAbbr())
                .zipCode(faker.address().zipCode())
                .phone(faker.phoneNumber().cellPhone())
                .dateOfBirth(birthday.format(DATE_OF_BIRTH))
                .build();
    }

    /**
     * Another username for {@code profile}, for when its own is taken: the same name with
     * other digits, growing longer with each attempt so that a free one is always found.
     */
    public String alternativeUsername(Profile profile, int attempt) {
        String base = letters(profile.firstName()) + letters(profile.lastName());
        Random digits = new Random(seed ^ base.hashCode() * 31L ^ attempt);
        int width = 4 + attempt / 8;
        long bound = (long) Math.pow(10, Math.min(width, 18));
        return base + String.format(Locale.ROOT, "%0" + width + "d", Math.floorMod(digits.nextLong(), bound));
    }

    private void reseed(long index, int stream) {
        long mixed = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + stream;
        random.setSeed(mixed ^ (mixed >>> 31));
    }

    /** Lower-case ASCII letters of a name: "O'Connor" becomes "oconnor". */
    private static String letters(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                out.append(c);
            }
        }
        return out.isEmpty() ? "user" : out.toString();
    }
}
