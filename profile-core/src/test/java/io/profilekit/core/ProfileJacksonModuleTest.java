package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An ObjectMapper with the module writes and reads profiles as their documents. */
class ProfileJacksonModuleTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new ProfileJacksonModule());

    private final Profile ada = Profile.builder().recordId(7L).userId("ada1815").name("Ada Lovelace")
            .emailVerified(true).build();

    @Test
    void aProfileIsWrittenAsItsDocumentWithTheSeedsNamesAndNoNulls() throws Exception {
        assertThat(mapper.writeValueAsString(ada))
                .isEqualTo(new String(ProfileJson.toJson(ada), StandardCharsets.UTF_8))
                .contains("\"user_id\":\"ada1815\"").doesNotContain("userId", "null");
    }

    @Test
    void aStoredProfileIsWrittenAsTheDocumentItHolds() throws Exception {
        StoredProfile stored = StoredProfile.ofJson(7, "{\"record_id\":7,\"user_id\":\"ada1815\",\"team\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8), new Version(1));

        assertThat(mapper.writeValueAsString(List.of(stored)))
                .isEqualTo("[{\"record_id\":7,\"user_id\":\"ada1815\",\"team\":\"x\"}]");
    }

    @Test
    void aProfileIsReadFromItsDocumentKeepingUnknownAttributes() throws Exception {
        Profile read = mapper.readValue("{\"record_id\":7,\"user_id\":\"ada1815\",\"team\":{\"name\":\"x\"}}", Profile.class);

        assertThat(read.userId()).isEqualTo("ada1815");
        assertThat(read.attributes()).containsKey("team");
    }

    @Test
    void aMapperThatFindsItsModulesFindsThisOne() throws Exception {
        assertThat(new ObjectMapper().findAndRegisterModules().writeValueAsString(ada))
                .isEqualTo(new String(ProfileJson.toJson(ada), StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentThatIsNoProfileFailsAsJacksonFailsSayingWhy() {
        assertThatThrownBy(() -> mapper.readValue("{\"record_id\":\"seven\"}", Profile.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("record_id");
    }
}
