package io.profilekit.spring.boot;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileJson;
import io.profilekit.core.StoredProfile;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Profiles in Jackson 3, the JSON library Spring Boot 4 serves with: a controller's
 * {@code Profile} or {@code StoredProfile} is written as the profile document (the seed's
 * names, absent fields left out, other attributes kept), and {@code @RequestBody Profile} read
 * from one, as profile-core's ProfileJacksonModule does for Jackson 2's mappers.
 */
public final class ProfilekitJacksonModule extends SimpleModule {

    private static final JsonMapper TREES = JsonMapper.builder().build();

    public ProfilekitJacksonModule() {
        super("profilekit");
        addSerializer(Profile.class, new ValueSerializer<>() {
            @Override
            public void serialize(Profile profile, JsonGenerator out, SerializationContext context) {
                out.writeTree(TREES.readTree(ProfileJson.toJson(profile)));
            }
        });
        addSerializer(StoredProfile.class, new ValueSerializer<>() {
            @Override
            public void serialize(StoredProfile stored, JsonGenerator out, SerializationContext context) {
                out.writeTree(TREES.readTree(stored.json()));
            }
        });
        addDeserializer(Profile.class, new ValueDeserializer<>() {
            @Override
            public Profile deserialize(JsonParser in, DeserializationContext context) {
                JsonNode document = context.readTree(in);
                try {
                    return ProfileJson.fromJson(TREES.writeValueAsBytes(document));
                } catch (InvalidProfileException e) {
                    return context.reportInputMismatch(this, "%s", e.getMessage());
                }
            }
        });
    }
}
