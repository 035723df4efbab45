package io.profilekit.core;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rules the repository checks before any store writes a profile, so that all stores agree
 * on what a valid profile is: a username, positive ids, plausible e-mail and date of birth, and
 * bounded lengths. Extra attributes are not checked beyond the JSON limits.
 */
final class ProfileRules {

    /** Letters, digits and {@code . _ - ' @ +}: what usernames in the wild use, and safe in a URL path. */
    static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._'@+-]{1,64}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    static final DateTimeFormatter DATE_OF_BIRTH =
            DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private ProfileRules() {
    }

    /**
     * Checks a profile about to be written.
     *
     * @throws InvalidProfileException naming every field that breaks a rule
     */
    static void checkWritable(Profile profile) {
        List<String> problems = new ArrayList<>();
        if (profile.userId() == null || profile.userId().isBlank()) {
            problems.add("user_id (the username) is required");
        } else if (!USERNAME.matcher(profile.userId()).matches()) {
            problems.add("user_id must be 1 to 64 letters, digits or . _ - ' @ +");
        }
        if (profile.recordId() != null && profile.recordId() < 1) {
            problems.add("record_id must be a positive integer");
        }
        if (profile.picture() != null && profile.picture() < 1) {
            problems.add("picture must be a positive integer");
        }
        if (profile.email() != null && (profile.email().length() > 254 || !EMAIL.matcher(profile.email()).matches())) {
            problems.add("email is not an e-mail address");
        }
        if (profile.dateOfBirth() != null && !isPastDate(profile.dateOfBirth())) {
            problems.add("date_of_birth must be a past date written MM/dd/yyyy");
        }
        length(problems, "name", profile.name(), 200);
        length(problems, "nickname", profile.nickname(), 64);
        length(problems, "first_name", profile.firstName(), 100);
        length(problems, "last_name", profile.lastName(), 100);
        length(problems, "address", profile.address(), 200);
        length(problems, "city", profile.city(), 100);
        length(problems, "state", profile.state(), 64);
        length(problems, "zip_code", profile.zipCode(), 16);
        length(problems, "phone", profile.phone(), 32);
        profile.attributes().forEach((name, value) -> {
            if (!isWellFormed(name) || !isWellFormed(value)) {
                problems.add("attribute '" + printable(name)
                        + "' holds text that is not valid Unicode (a lone surrogate)");
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidProfileException(String.join("; ", problems));
        }
    }

    /**
     * Checks a profile about to replace a stored one: the rules of {@link #checkWritable}, and
     * a record id, which names the profile to replace.
     *
     * @throws InvalidProfileException naming what is wrong
     */
    static void checkReplaceable(Profile profile) {
        checkWritable(profile);
        if (profile.recordId() == null) {
            throw new InvalidProfileException("record_id is required to replace a profile");
        }
    }

    /**
     * Checks what an {@link ProfileRepository#update update} made of a stored profile: it must
     * keep the record id, and the picture link, which only {@link ProfileRepository#putPicture}
     * and {@link ProfileRepository#deletePicture} change.
     *
     * @throws InvalidProfileException naming what the change altered
     */
    static void checkUpdate(Profile current, Profile changed) {
        if (changed.recordId() == null || !changed.recordId().equals(current.recordId())) {
            throw new InvalidProfileException("record_id cannot be changed or removed: it is " + current.recordId());
        }
        if (!Objects.equals(changed.picture(), current.picture())) {
            throw new InvalidProfileException("picture cannot be changed by an update: the link changes with the"
                    + " picture itself, so store or delete the picture instead");
        }
    }

    /** Checks a {@link ProfileRepository#sharedSecret} name. */
    static String checkSecretName(String name) {
        if (name == null || !name.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("a secret's name is 1 to 64 lower-case letters, digits and dashes");
        }
        return name;
    }

    private static void length(List<String> problems, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            problems.add(field + " must be at most " + max + " characters");
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(field + " must not contain control characters");
        } else if (!isWellFormed(value)) {
            problems.add(field + " is not valid Unicode (a lone surrogate)");
        }
    }

    /** Whether every string in the value, nested ones and keys included, pairs its surrogates. */
    private static boolean isWellFormed(Object value) {
        if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .allMatch(entry -> isWellFormed(entry.getKey()) && isWellFormed(entry.getValue()));
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(ProfileRules::isWellFormed);
        }
        return true;
    }

    /** The name with lone surrogates shown as U+FFFD, for a message. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.appendCodePoint(
                c <= 0xFFFF && Character.isSurrogate((char) c) ? 0xFFFD : c));
        return out.toString();
    }

    private static boolean isPastDate(String text) {
        try {
            return !LocalDate.parse(text, DATE_OF_BIRTH).isAfter(LocalDate.now());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
