package io.profilekit.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which fields of a profile anyone signed in may see (its public view), and which fields a
 * person may not change in their own profile. The rest (e-mail, phone, address, date of birth,
 * extra attributes) only the person and services see; services see and change everything.
 *
 * <p>Fields are named as the profile's JSON names them ({@code record_id}, {@code user_id},
 * an extra attribute's own name).
 *
 * @param publicFields the fields of the public view
 * @param readOnlyFields the fields a person may not change in their own profile
 */
public record FieldVisibility(Set<String> publicFields, Set<String> readOnlyFields) {

    /** The public view's fields unless configured: who someone is and how they look, nothing to reach them by. */
    public static final List<String> DEFAULT_PUBLIC_FIELDS =
            List.of("record_id", "name", "nickname", "picture", "picture_url", "user_id");
    /** The fields a person may not change unless configured: identity and what a service vouches for. */
    public static final List<String> DEFAULT_READ_ONLY_FIELDS =
            List.of("record_id", "user_id", "email_verified", FieldVisibility.DEACTIVATED);

    /**
     * The attribute that marks a deactivated person when {@code false} (SCIM provisioning's
     * {@code active}): every view of them carries it, public or not.
     */
    public static final String DEACTIVATED = "active";

    /** The defaults. */
    public static final FieldVisibility DEFAULTS =
            new FieldVisibility(Set.copyOf(DEFAULT_PUBLIC_FIELDS), Set.copyOf(DEFAULT_READ_ONLY_FIELDS));

    public FieldVisibility {
        publicFields = Set.copyOf(publicFields);
        readOnlyFields = Set.copyOf(readOnlyFields);
    }

    /** Whether everyone signed in may see {@code field}. */
    public boolean isPublic(String field) {
        return publicFields.contains(field);
    }

    /**
     * The public view of a stored profile: its public fields, in their stored order and as
     * stored, and nothing else; the same record id and version.
     *
     * @throws IllegalArgumentException when its document is no JSON object (stored profiles always are)
     */
    public StoredProfile publicView(StoredProfile stored) {
        return StoredProfile.ofJson(stored.recordId(), publicFieldsOf(stored.json()), stored.version());
    }

    /**
     * Whether a member says the person was deactivated ({@code "active": false}, as SCIM
     * provisioning writes it): every view shows that, so that no one mistakes them for active.
     */
    private static boolean isDeactivation(String name, JsonToken value) {
        return name.equals(DEACTIVATED) && value == JsonToken.VALUE_FALSE;
    }

    private byte[] publicFieldsOf(byte[] json) {
        try (JsonParser in = Json.FACTORY.createParser(json);
             ByteArrayBuilder buffer = new ByteArrayBuilder(json.length);
             JsonGenerator out = Json.FACTORY.createGenerator(buffer)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a stored profile is no JSON object");
            }
            out.writeStartObject();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                in.nextToken();
                if (publicFields.contains(name) || isDeactivation(name, in.currentToken())) {
                    out.writeFieldName(name);
                    out.copyCurrentStructure(in);
                } else {
                    in.skipChildren();
                }
            }
            out.writeEndObject();
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a change a person makes to their own profile: every read-only field of
     * {@code changed} must equal {@code current}'s (present in both with one value, or absent
     * from both).
     *
     * @param current the profile as stored, or as it would be created (its {@code user_id} set)
     * @param changed the profile the person would store
     * @throws ReadOnlyFieldException naming the first read-only field that differs
     */
    public void checkOwnChange(Profile current, Profile changed) {
        JsonNode before = tree(current);
        JsonNode after = tree(changed);
        for (String field : readOnlyFields.stream().sorted().toList()) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                throw new ReadOnlyFieldException(field);
            }
        }
    }

    /**
     * A person's replacement of their own profile with every read-only field it leaves out
     * kept from {@code current}, so a client that never sends {@code user_id} can still PUT.
     */
    public Profile withReadOnlyKept(Profile current, Profile replacement) {
        ObjectNode after = (ObjectNode) tree(replacement);
        JsonNode before = tree(current);
        boolean kept = false;
        for (String field : readOnlyFields) {
            if (!after.has(field) && before.has(field)) {
                after.set(field, before.get(field));
                kept = true;
            }
        }
        try {
            return kept ? ProfileJson.fromJson(Json.MAPPER.writeValueAsBytes(after)) : replacement;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(Profile profile) {
        try {
            return Json.MAPPER.readTree(ProfileJson.toJson(profile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
