package io.profilekit.core;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of profiles and image documents, exactly as the seed's tools wrote them:
 * snake_case names in the seed's order, absent fields left out, extra attributes after them.
 *
 * <p>Reading is strict about the seed's fields (a {@code record_id} must be an integer, a
 * {@code name} a string) and keeps every other attribute as it is. Input that is not JSON
 * raises {@link MalformedProfileException}, JSON that is no profile
 * {@link InvalidProfileException}, both with a message fit for an API client.
 */
public final class ProfileJson {

    private ProfileJson() {
    }

    /** The profile as a JSON document. */
    public static byte[] toJson(Profile profile) {
        try (ByteArrayBuilder buffer = new ByteArrayBuilder(512);
             JsonGenerator out = Json.FACTORY.createGenerator(buffer)) {
            out.writeStartObject();
            writeNumber(out, "record_id", profile.recordId());
            writeString(out, "name", profile.name());
            writeString(out, "nickname", profile.nickname());
            writeNumber(out, "picture", profile.picture());
            writeString(out, "user_id", profile.userId());
            writeString(out, "email", profile.email());
            if (profile.emailVerified() != null) {
                out.writeBooleanField("email_verified", profile.emailVerified());
            }
            writeString(out, "first_name", profile.firstName());
            writeString(out, "last_name", profile.lastName());
            writeString(out, "address", profile.address());
            writeString(out, "city", profile.city());
            writeString(out, "state", profile.state());
            writeString(out, "zip_code", profile.zipCode());
            writeString(out, "phone", profile.phone());
            writeString(out, "date_of_birth", profile.dateOfBirth());
            for (Map.Entry<String, Object> attribute : profile.attributes().entrySet()) {
                out.writeFieldName(attribute.getKey());
                Json.MAPPER.writeValue(out, attribute.getValue());
            }
            out.writeEndObject();
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a profile to memory", e);
        }
    }

    /**
     * Reads a profile document.
     *
     * @throws InvalidProfileException when {@code json} is not a JSON object, a seed field has
     *     the wrong type, or the document breaks the parser's limits
     */
    public static Profile fromJson(byte[] json) {
        requireUtf8(json);
        try (JsonParser in = Json.FACTORY.createParser(json)) {
            JsonToken first = in.nextToken();
            if (first == null) {
                throw new MalformedProfileException("the body is empty; a profile is a JSON object");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidProfileException("a profile must be a JSON object");
            }
            Profile.Builder profile = Profile.builder();
            Map<String, Object> attributes = new LinkedHashMap<>();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                switch (field) {
                    case "record_id" -> profile.recordId(readLong(in, field));
                    case "name" -> profile.name(readString(in, field));
                    case "nickname" -> profile.nickname(readString(in, field));
                    case "picture" -> profile.picture(readLong(in, field));
                    case "user_id" -> profile.userId(readString(in, field));
                    case "email" -> profile.email(readString(in, field));
                    case "email_verified" -> profile.emailVerified(readBoolean(in, field));
                    case "first_name" -> profile.firstName(readString(in, field));
                    case "last_name" -> profile.lastName(readString(in, field));
                    case "address" -> profile.address(readString(in, field));
                    case "city" -> profile.city(readString(in, field));
                    case "state" -> profile.state(readString(in, field));
                    case "zip_code" -> profile.zipCode(readString(in, field));
                    case "phone" -> profile.phone(readString(in, field));
                    case "date_of_birth" -> profile.dateOfBirth(readString(in, field));
                    default -> attributes.put(field, Json.MAPPER.readValue(in, Object.class));
                }
            }
            if (in.nextToken() != null) {
                throw new MalformedProfileException("unexpected content after the profile object");
            }
            attributes.forEach(profile::attribute);
            return profile.build();
        } catch (JacksonException e) {
            throw malformed(e);
        } catch (NumberFormatException | ArithmeticException e) {
            throw numberOutOfRange();
        } catch (IOException e) {
            throw notUtf8();
        }
    }

    /**
     * Refuses JSON in UTF-16 or UTF-32, which the parser would otherwise detect and decode: JSON
     * exchanged between systems is UTF-8 (RFC 8259), and in UTF-8 neither of the first two bytes
     * of a JSON text can be zero, nor can it start with a UTF-16 byte order mark.
     */
    private static void requireUtf8(byte[] json) {
        if (json.length >= 2 && (json[0] == 0 || json[1] == 0 || (json[0] & 0xFE) == 0xFE && (json[1] & 0xFE) == 0xFE)) {
            throw notUtf8();
        }
    }

    /** A number whose exponent is beyond what a decimal can hold ({@code 1e99999999999}). */
    private static MalformedProfileException numberOutOfRange() {
        return new MalformedProfileException("the body holds a number too large to read");
    }

    private static MalformedProfileException notUtf8() {
        return new MalformedProfileException("the body is not UTF-8; JSON must be");
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to a stored profile document: members of the patch
     * replace the document's, {@code null} removes a member, objects merge recursively.
     *
     * @param document the stored profile, as JSON
     * @param patch the merge patch, as JSON
     * @return the patched profile
     * @throws MalformedProfileException when the patch is not JSON
     * @throws InvalidProfileException when the result is no valid profile
     */
    public static Profile mergePatch(byte[] document, byte[] patch) {
        requireUtf8(patch);
        JsonNode patchTree;
        try {
            patchTree = Json.MAPPER.readTree(patch);
        } catch (JacksonException e) {
            throw malformed(e);
        } catch (NumberFormatException | ArithmeticException e) {
            throw numberOutOfRange();
        } catch (IOException e) {
            throw notUtf8();
        }
        if (patchTree == null || patchTree.isMissingNode()) {
            throw new MalformedProfileException("the body is empty; a merge patch is a JSON object");
        }
        if (!patchTree.isObject()) {
            throw new InvalidProfileException("a merge patch of a profile must be a JSON object");
        }
        try {
            JsonNode target = Json.MAPPER.readTree(document);
            if (!target.isObject()) {
                throw new InvalidProfileException("the stored profile is not a JSON object");
            }
            merge((ObjectNode) target, (ObjectNode) patchTree);
            return fromJson(Json.MAPPER.writeValueAsBytes(target));
        } catch (JacksonException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(member -> {
            JsonNode value = member.getValue();
            if (value.isNull()) {
                target.remove(member.getKey());
            } else if (value.isObject() && target.get(member.getKey()) instanceof ObjectNode nested) {
                merge(nested, (ObjectNode) value);
            } else if (value.isObject()) {
                ObjectNode fresh = target.putObject(member.getKey());
                merge(fresh, (ObjectNode) value);
            } else {
                target.set(member.getKey(), value);
            }
        });
    }

    /** The seed's image document for an image. */
    static byte[] pictureToJson(long recordId, String type, byte[] image) {
        try (ByteArrayBuilder buffer = new ByteArrayBuilder(image.length * 4 / 3 + 64);
             JsonGenerator out = Json.FACTORY.createGenerator(buffer)) {
            out.writeStartObject();
            out.writeNumberField("record_id", recordId);
            out.writeStringField("type", type);
            out.writeFieldName("image");
            out.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, image, 0, image.length);
            out.writeEndObject();
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an image document to memory", e);
        }
    }

    /** The parts of an image document that a stored picture needs. */
    record ImageDocument(String type, byte[] image) {
    }

    static ImageDocument pictureFromJson(byte[] json) {
        String type = null;
        String image = null;
        try (JsonParser in = Json.FACTORY.createParser(json)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidProfileException("an image document must be a JSON object");
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                switch (field) {
                    case "type" -> type = readString(in, field);
                    case "image" -> image = readString(in, field);
                    default -> in.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an image document from memory", e);
        }
        if (image == null) {
            throw new InvalidProfileException("the image document has no image");
        }
        try {
            return new ImageDocument(type, Base64.getDecoder().decode(image));
        } catch (IllegalArgumentException e) {
            throw new InvalidProfileException("the image document's image is not valid base64");
        }
    }

    private static void writeString(JsonGenerator out, String field, String value)
            throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    private static void writeNumber(JsonGenerator out, String field, Long value)
            throws IOException {
        if (value != null) {
            out.writeNumberField(field, value);
        }
    }

    private static String readString(JsonParser in, String field) throws IOException {
        return switch (in.currentToken()) {
            case VALUE_STRING -> in.getText();
            case VALUE_NULL -> null;
            default -> throw wrongType(field, "a string");
        };
    }

    private static Long readLong(JsonParser in, String field) throws IOException {
        return switch (in.currentToken()) {
            case VALUE_NUMBER_INT -> {
                if (in.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new InvalidProfileException(field + " is too large");
                }
                yield in.getLongValue();
            }
            case VALUE_NULL -> null;
            default -> throw wrongType(field, "an integer");
        };
    }

    private static Boolean readBoolean(JsonParser in, String field) {
        return switch (in.currentToken()) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw wrongType(field, "true or false");
        };
    }

    private static InvalidProfileException wrongType(String field, String expected) {
        return new InvalidProfileException(field + " must be " + expected);
    }

    private static InvalidProfileException malformed(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return new MalformedProfileException("the JSON document is nested deeper than "
                    + Json.MAX_NESTING_DEPTH + " levels or holds an over-long string or number");
        }
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0
                ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        // The parser's own messages describe the input; data-binding ones name Java types.
        String why = e instanceof StreamReadException ? ": " + e.getOriginalMessage() : "";
        return new MalformedProfileException("malformed JSON" + where + why);
    }
}
