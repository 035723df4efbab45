package io.profilekit.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user profile: the seed's fields, plus any other attributes a document carries, kept and
 * returned as they are so that rich profiles written by other tools survive a round trip.
 *
 * <p>Every field may be {@code null}, meaning absent: {@code recordId} is assigned by the
 * repository on create, and documents loaded by other tools need not have every field. The
 * JSON names are the seed's ({@code record_id}, {@code user_id}, ...); see {@link ProfileJson}.
 *
 * @param recordId the profile's numeric id, {@code record_id}
 * @param name the display name
 * @param nickname the short handle, not unique
 * @param picture the record id of the profile's picture in the images collection
 * @param userId the username, {@code user_id}: unique across the store
 * @param email the e-mail address
 * @param emailVerified whether the e-mail address was verified
 * @param firstName the given name
 * @param lastName the family name
 * @param address the street address
 * @param city the city
 * @param state the state or region
 * @param zipCode the postal code, as text
 * @param phone the phone number, as text
 * @param dateOfBirth the date of birth, as the seed writes it ({@code MM/dd/yyyy})
 * @param attributes every other attribute of the document, in document order; values are
 *     JSON values ({@code null}, {@code String}, {@code Boolean}, {@code Number}, {@code List},
 *     {@code Map}) and are copied into unmodifiable collections
 */
public record Profile(
        Long recordId,
        String name,
        String nickname,
        Long picture,
        String userId,
        String email,
        Boolean emailVerified,
        String firstName,
        String lastName,
        String address,
        String city,
        String state,
        String zipCode,
        String phone,
        String dateOfBirth,
        Map<String, Object> attributes) {

    /** The JSON names of the seed's fields, in the order the seed writes them. */
    public static final List<String> FIELD_NAMES = List.of(
            "record_id", "name", "nickname", "picture", "user_id", "email", "email_verified",
            "first_name", "last_name", "address", "city", "state", "zip_code", "phone",
            "date_of_birth");

    private static final Set<String> FIELD_NAME_SET = Set.copyOf(FIELD_NAMES);

    public Profile {
        attributes = copyAttributes(attributes);
    }

    /** A builder for a new profile; every field starts absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this profile's fields and attributes. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** This profile with another record id. */
    public Profile withRecordId(Long newRecordId) {
        return toBuilder().recordId(newRecordId).build();
    }

    /** This profile with another picture link. */
    public Profile withPicture(Long newPicture) {
        return toBuilder().picture(newPicture).build();
    }

    private static Map<String, Object> copyAttributes(Map<String, Object> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> {
            if (key == null) {
                throw new IllegalArgumentException("attribute names must not be null");
            }
            if (FIELD_NAME_SET.contains(key)) {
                throw new IllegalArgumentException(
                        "'" + key + "' is a profile field, not an extra attribute");
            }
            copy.put(key, copyValue(value));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean
                || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger || value instanceof BigDecimal
                || value instanceof Double || value instanceof Float
                || value instanceof Short || value instanceof Byte) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(copyValue(element)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> {
                if (!(key instanceof String name)) {
                    throw new IllegalArgumentException("attribute object keys must be strings");
                }
                copy.put(name, copyValue(element));
            });
            return Collections.unmodifiableMap(copy);
        }
        throw new IllegalArgumentException(
                "attribute values must be JSON values, not " + value.getClass().getSimpleName());
    }

    /** Builds a {@link Profile}; not thread-safe. */
    public static final class Builder {
        private Long recordId;
        private String name;
        private String nickname;
        private Long picture;
        private String userId;
        private String email;
        private Boolean emailVerified;
        private String firstName;
        private String lastName;
        private String address;
        private String city;
        private String state;
        private String zipCode;
        private String phone;
        private String dateOfBirth;
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(Profile p) {
            recordId = p.recordId;
            name = p.name;
            nickname = p.nickname;
            picture = p.picture;
            userId = p.userId;
            email = p.email;
            emailVerified = p.emailVerified;
            firstName = p.firstName;
            lastName = p.lastName;
            address = p.address;
            city = p.city;
            state = p.state;
            zipCode = p.zipCode;
            phone = p.phone;
            dateOfBirth = p.dateOfBirth;
            attributes.putAll(p.attributes);
        }

        public Builder recordId(Long value) {
            recordId = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder nickname(String value) {
            nickname = value;
            return this;
        }

        public Builder picture(Long value) {
            picture = value;
            return this;
        }

        public Builder userId(String value) {
            userId = value;
            return this;
        }

        public Builder email(String value) {
            email = value;
            return this;
        }

        public Builder emailVerified(Boolean value) {
            emailVerified = value;
            return this;
        }

        public Builder firstName(String value) {
            firstName = value;
            return this;
        }

        public Builder lastName(String value) {
            lastName = value;
            return this;
        }

        public Builder address(String value) {
            address = value;
            return this;
        }

        public Builder city(String value) {
            city = value;
            return this;
        }

        public Builder state(String value) {
            state = value;
            return this;
        }

        public Builder zipCode(String value) {
            zipCode = value;
            return this;
        }

        public Builder phone(String value) {
            phone = value;
            return this;
        }

        public Builder dateOfBirth(String value) {
            dateOfBirth = value;
            return this;
        }

        /** Sets an extra attribute; a {@code null} value keeps the name with a JSON null. */
        public Builder attribute(String attributeName, Object value) {
            if (FIELD_NAME_SET.contains(attributeName)) {
                throw new IllegalArgumentException(
                        "'" + attributeName + "' is a profile field; use its own setter");
            }
            attributes.put(attributeName, value);
            return this;
        }

        /** Removes an extra attribute. */
        public Builder removeAttribute(String attributeName) {
            attributes.remove(attributeName);
            return this;
        }

        public Profile build() {
            return new Profile(recordId, name, nickname, picture, userId, email, emailVerified,
                    firstName, lastName, address, city, state, zipCode, phone, dateOfBirth,
                    attributes);
        }
    }
}
