package io.profilekit.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.profilekit.core.internal.Json;
import java.io.IOException;

/**
 * Profiles in a Jackson 2 {@code ObjectMapper} of yours: a {@link Profile} or a
 * {@link StoredProfile} is written as its document ({@link ProfileJson}: the seed's names,
 * absent fields left out, other attributes kept) instead of its Java properties, and a
 * {@code Profile} read from one with the same checks. Register it
 * ({@code mapper.registerModule(new ProfileJacksonModule())}), or let
 * {@code mapper.findAndRegisterModules()} find it. Through a tree, so that every Jackson format
 * works; profilekit's HTTP API does not come through here. (For Jackson 3, as Spring Boot 4
 * uses, the Spring Boot starter registers its own.)
 */
public final class ProfileJacksonModule extends SimpleModule {

    public ProfileJacksonModule() {
        super("profilekit");
        addSerializer(Profile.class, new JsonSerializer<>() {
            @Override
            public void serialize(Profile profile, JsonGenerator out, SerializerProvider serializers)
                    throws IOException {
                out.writeTree(Json.MAPPER.readTree(ProfileJson.toJson(profile)));
            }
        });
        addSerializer(StoredProfile.class, new JsonSerializer<>() {
            @Override
            public void serialize(StoredProfile stored, JsonGenerator out, SerializerProvider serializers)
                    throws IOException {
                out.writeTree(Json.MAPPER.readTree(stored.json()));
            }
        });
        addDeserializer(Profile.class, new JsonDeserializer<>() {
            @Override
            public Profile deserialize(JsonParser in, DeserializationContext context) throws IOException {
                JsonNode document = in.readValueAsTree();
                try {
                    return ProfileJson.fromJson(Json.MAPPER.writeValueAsBytes(document));
                } catch (InvalidProfileException e) {
                    throw JsonMappingException.from(in, e.getMessage(), e);
                }
            }
        });
    }
}
