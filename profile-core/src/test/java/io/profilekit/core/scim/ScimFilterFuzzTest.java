package io.profilekit.core.scim;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Profile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of SCIM filters and PATCH requests (Jazzer): whatever the text, a
 * filter parses and tests a profile, or is refused with a {@link ScimException}; a PATCH applies
 * or is refused with the library's own exception; never another exception, which the API would
 * answer 500. The build replays the committed inputs in {@code ScimFilterFuzzTestInputs/}.
 */
class ScimFilterFuzzTest {

    private static final Profile PROFILE = Profile.builder().recordId(7L).userId("bjensen").name("Babs Jensen")
            .firstName("Barbara").email("bjensen@example.com")
            .attribute("scim", Map.of("externalId", "e-1",
                    "emails", List.of(Map.of("value", "bjensen@example.com", "type", "work", "primary", true)),
                    ScimSchemas.ENTERPRISE_USER, Map.of("manager", Map.of("value", "m-1"))))
            .build();

    @FuzzTest
    void parsesAndTestsAFilterOrRefusesIt(byte[] text) {
        ScimFilter filter;
        try {
            filter = ScimFilter.parse(new String(text, StandardCharsets.UTF_8));
        } catch (ScimException refused) {
            return;
        }
        filter.matches(PROFILE);
        filter.key();
    }

    @FuzzTest
    void appliesAPatchOrRefusesIt(byte[] patch) {
        try {
            ScimUsers.toJson(ScimUsers.patch(PROFILE, patch), null);
        } catch (InvalidProfileException refused) {
            // ScimException, or a profile the patch left invalid
        }
    }
}
