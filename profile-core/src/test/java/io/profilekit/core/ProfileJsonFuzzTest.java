package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of profile JSON and merge patches (Jazzer). Whatever the bytes, the
 * parser answers a profile or its own {@link InvalidProfileException}, never another exception
 * (which the API would answer 500), and what it writes of a profile it read reads back as the
 * same JSON (a number may change its spelling once, {@code 3e0} to {@code 3}, never its value).
 * The build replays the committed inputs in {@code ProfileJsonFuzzTestInputs/}; docs/architecture.md
 * says how to fuzz for longer.
 */
class ProfileJsonFuzzTest {

    private static final byte[] STORED = ("{\"record_id\":7,\"name\":\"Ada Lovelace\",\"nickname\":\"ada\","
            + "\"user_id\":\"ada1815\",\"email\":\"ada@example.com\",\"email_verified\":true,"
            + "\"address\":{\"city\":\"London\"},\"tags\":[\"math\"]}").getBytes(StandardCharsets.UTF_8);

    @FuzzTest
    void readsAProfileThatWritesBackTheSameOrRefusesIt(byte[] json) {
        Profile profile;
        try {
            profile = ProfileJson.fromJson(json);
        } catch (InvalidProfileException refused) {
            return;
        }
        assertReadsBackAsWritten(profile);
    }

    @FuzzTest
    void patchesAProfileOrRefusesThePatch(byte[] patch) {
        Profile patched;
        try {
            patched = ProfileJson.mergePatch(STORED, patch);
        } catch (InvalidProfileException refused) {
            return;
        }
        assertReadsBackAsWritten(patched);
    }

    private static void assertReadsBackAsWritten(Profile profile) {
        byte[] written = ProfileJson.toJson(profile);
        assertThat(new String(ProfileJson.toJson(ProfileJson.fromJson(written)), StandardCharsets.UTF_8))
                .isEqualTo(new String(written, StandardCharsets.UTF_8));
    }
}
