package io.profilekit.core.transfer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.profilekit.core.FieldVisibility;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.MalformedProfileException;
import io.profilekit.core.Profile;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Auth0's and Keycloak's users as profiles (docs/moving-people.md has both tables). The fields a
 * profile has are filled; the rest of the user is kept, as it came, in one attribute named after
 * its source ({@code auth0}, {@code keycloak}); password hashes and credentials are never kept;
 * a blocked (Auth0) or disabled (Keycloak) user is a deactivated profile ({@code "active": false}).
 */
final class ForeignUsers {

    private static final List<String> AUTH0_FIELDS = List.of("username", "email", "email_verified", "name",
            "nickname", "given_name", "family_name", "phone_number", "blocked");
    private static final List<String> AUTH0_SECRETS = List.of("password", "password_hash", "custom_password_hash",
            "mfa_factors");
    private static final List<String> KEYCLOAK_FIELDS = List.of("username", "email", "emailVerified", "firstName",
            "lastName", "enabled");
    private static final List<String> KEYCLOAK_SECRETS = List.of("credentials");

    private ForeignUsers() {
    }

    /**
     * An Auth0 user: {@code username} (else {@code email}, else Auth0's {@code user_id}) is the
     * username; {@code name}, {@code nickname}, {@code email}, {@code email_verified},
     * {@code given_name}, {@code family_name}, {@code phone_number} fill their fields.
     */
    static Profile auth0(ObjectNode user) {
        String username = text(user, "username");
        String email = text(user, "email");
        Profile.Builder profile = Profile.builder()
                .userId(username != null ? username : email != null ? email : text(user, "user_id"))
                .name(text(user, "name")).nickname(text(user, "nickname")).email(email)
                .emailVerified(bool(user, "email_verified"))
                .firstName(text(user, "given_name")).lastName(text(user, "family_name"))
                .phone(text(user, "phone_number"));
        if (Boolean.TRUE.equals(bool(user, "blocked"))) {
            profile.attribute(FieldVisibility.DEACTIVATED, false);
        }
        return withRest(profile, "auth0", user, AUTH0_FIELDS, AUTH0_SECRETS);
    }

    /**
     * A Keycloak user: {@code username}, {@code email}, {@code emailVerified}, {@code firstName},
     * {@code lastName} fill their fields, and the two together the display name.
     */
    static Profile keycloak(ObjectNode user) {
        String first = text(user, "firstName");
        String last = text(user, "lastName");
        StringJoiner name = new StringJoiner(" ");
        if (first != null && !first.isBlank()) {
            name.add(first.strip());
        }
        if (last != null && !last.isBlank()) {
            name.add(last.strip());
        }
        Profile.Builder profile = Profile.builder().userId(text(user, "username")).email(text(user, "email"))
                .emailVerified(bool(user, "emailVerified")).firstName(first).lastName(last)
                .name(name.length() == 0 ? null : name.toString());
        if (Boolean.FALSE.equals(bool(user, "enabled"))) {
            profile.attribute(FieldVisibility.DEACTIVATED, false);
        }
        return withRest(profile, "keycloak", user, KEYCLOAK_FIELDS, KEYCLOAK_SECRETS);
    }

    private static Profile withRest(Profile.Builder profile, String attribute, ObjectNode user, List<String> mapped,
            List<String> secrets) {
        ObjectNode rest = user.deepCopy();
        rest.remove(mapped);
        rest.remove(secrets);
        if (!rest.isEmpty()) {
            profile.attribute(attribute, Json.MAPPER.convertValue(rest, Map.class));
        }
        return profile.build();
    }

    /** The record as a JSON object. */
    static ObjectNode object(byte[] record) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(record);
        } catch (JacksonException e) {
            throw new MalformedProfileException("the record is not JSON, or breaks its limits");
        } catch (IOException | NumberFormatException | ArithmeticException e) {
            throw new MalformedProfileException("the record cannot be read as JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidProfileException("a user is a JSON object");
        }
        return object;
    }

    private static String text(JsonNode user, String field) {
        JsonNode value = user.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidProfileException(field + " must be a string");
        }
        return value.asText();
    }

    private static Boolean bool(JsonNode user, String field) {
        JsonNode value = user.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidProfileException(field + " must be true or false");
        }
        return value.booleanValue();
    }
}
