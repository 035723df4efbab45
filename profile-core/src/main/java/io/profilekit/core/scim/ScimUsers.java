package io.profilekit.core.scim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.profilekit.core.Profile;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Profiles as SCIM 2.0 Users (RFC 7643), for identity providers that provision people (Okta,
 * Microsoft Entra ID) and for files of Users: reads a User into a profile, writes a profile as a
 * User, and applies a PATCH request. The mapping is written down in docs/scim.md: the profile's
 * fields hold what they can; the rest of a User ({@code externalId}, {@code active}, the
 * enterprise extension...) is kept in the profile's {@code scim} attribute and given back; a
 * {@code password} is accepted and never kept.
 *
 * <pre>{@code
 * Profile profile = ScimUsers.fromJson(body);             // POST /Users
 * Profile changed = ScimUsers.patch(stored.profile(), patch);
 * byte[] user = ScimUsers.toJson(changed, new ScimUsers.Meta(location, etag));
 * }</pre>
 */
public final class ScimUsers {

    /** The profile attribute that keeps what of a User no profile field holds. */
    public static final String ATTRIBUTE = UserMapping.ATTRIBUTE;

    /**
     * The {@code meta} of a User as written.
     *
     * @param location the User's URL, or {@code null} to leave it out
     * @param version its version (the ETag of the profile), or {@code null} to leave it out
     */
    public record Meta(String location, String version) {
    }

    private ScimUsers() {
    }

    /**
     * The new profile a User describes (its {@code id} and {@code meta} are ignored, as a create's
     * are).
     *
     * @throws ScimException {@code invalidSyntax} for a body that is no JSON object,
     *     {@code invalidValue} for a User without {@code userName} or with a value of the wrong type
     */
    public static Profile fromJson(byte[] user) {
        return UserMapping.profile(UserMapping.canonical(object(user)), Profile.builder().build());
    }

    /**
     * {@code current} replaced by a User: the User's attributes set, those it leaves out cleared;
     * what SCIM does not describe ({@code record_id}, {@code picture}, {@code email_verified},
     * {@code date_of_birth} and attributes other than {@code scim}) is kept.
     *
     * @throws ScimException {@code mutability} when the User names another {@code id}; as
     *     {@link #fromJson} otherwise
     */
    public static Profile replace(Profile current, byte[] user) {
        ObjectNode replacement = UserMapping.canonical(object(user));
        JsonNode id = replacement.get("id");
        if (id != null && !id.isNull() && current.recordId() != null
                && !id.asText().equals(Long.toString(current.recordId()))) {
            throw new ScimException(ScimException.Type.MUTABILITY, "id is assigned by profilekit and cannot change");
        }
        return UserMapping.profile(replacement, current);
    }

    /**
     * {@code current} with a PATCH request applied (a {@code PatchOp} message).
     *
     * @throws ScimException of the type RFC 7644 names for what is wrong with it
     */
    public static Profile patch(Profile current, byte[] patchOp) {
        ObjectNode user = UserMapping.view(current);
        PatchOperations.apply(user, read(patchOp));
        return UserMapping.profile(user, current);
    }

    /** The profile as a User, with {@code meta} when it is given. */
    public static byte[] toJson(Profile profile, Meta meta) {
        ObjectNode user = UserMapping.view(profile);
        if (meta != null) {
            ObjectNode written = user.putObject("meta").put("resourceType", "User");
            if (meta.location() != null) {
                written.put("location", meta.location());
            }
            if (meta.version() != null) {
                written.put("version", meta.version());
            }
        }
        try {
            return Json.MAPPER.writeValueAsBytes(user);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a User to memory", e);
        }
    }

    private static ObjectNode object(byte[] json) {
        JsonNode node = read(json);
        if (!(node instanceof ObjectNode object)) {
            throw new ScimException(ScimException.Type.INVALID_SYNTAX, "a User is a JSON object");
        }
        return object;
    }

    private static JsonNode read(byte[] json) {
        if (json.length >= 2 && (json[0] == 0 || json[1] == 0)) {
            throw new ScimException(ScimException.Type.INVALID_SYNTAX, "the body is not UTF-8; JSON must be");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new ScimException(ScimException.Type.INVALID_SYNTAX, "the body is empty; it must be JSON");
            }
            return node;
        } catch (JacksonException e) {
            throw new ScimException(ScimException.Type.INVALID_SYNTAX, "the body is not JSON, or breaks its limits");
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ScimException(ScimException.Type.INVALID_SYNTAX, "the body holds a number too large to read");
        } catch (IOException e) {
            throw new ScimException(ScimException.Type.INVALID_SYNTAX, "the body cannot be read as UTF-8 JSON");
        }
    }
}
