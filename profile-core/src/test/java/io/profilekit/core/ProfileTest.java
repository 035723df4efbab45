package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void attributesAreCopiedSoLaterChangesToTheSourceDoNotLeakIn() {
        List<Object> tags = new ArrayList<>(List.of("a"));
        Map<String, Object> source = new HashMap<>(Map.of("tags", tags));
        Profile profile = new Profile(null, null, null, null, "ada", null, null, null, null, null,
                null, null, null, null, null, source);

        tags.add("b");
        source.put("other", 1);

        assertThat(profile.attributes()).containsOnlyKeys("tags");
        assertThat(profile.attributes().get("tags")).isEqualTo(List.of("a"));
    }

    @Test
    void attributesCannotBeChangedThroughTheProfile() {
        Profile profile = Profile.builder().attribute("tags", List.of("a")).build();

        assertThatThrownBy(() -> profile.attributes().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> tags = (List<Object>) profile.attributes().get("tags");
        assertThatThrownBy(() -> tags.add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aSeedFieldCannotBeSetAsAnAttribute() {
        assertThatThrownBy(() -> Profile.builder().attribute("user_id", "ada"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user_id");
    }

    @Test
    void attributeValuesMustBeJsonValues() {
        assertThatThrownBy(() -> Profile.builder().attribute("when", new Object()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON values");
    }

    @Test
    void toBuilderKeepsEveryFieldAndAttribute() {
        Profile profile = new Profile(3L, "Ada Lovelace", "alovelace", 7L, "ada", "ada@example.com", true, "Ada",
                "Lovelace", "12 St James's Square", "London", "NY", "10001", "(212) 555-0100", "12/10/1815",
                Map.of("x", 1));

        Profile copy = profile.toBuilder().build();
        Profile relinked = profile.withPicture(8L);

        assertThat(copy).isEqualTo(profile);
        assertThat(relinked).isEqualTo(new Profile(3L, "Ada Lovelace", "alovelace", 8L, "ada", "ada@example.com",
                true, "Ada", "Lovelace", "12 St James's Square", "London", "NY", "10001", "(212) 555-0100",
                "12/10/1815", Map.of("x", 1)));
    }

    @Test
    void removeAttributeDropsOnlyThatAttribute() {
        Profile profile = Profile.builder().userId("ada").attribute("theme", "dark").attribute("visits", 3)
                .removeAttribute("theme").build();

        assertThat(profile.attributes()).containsOnlyKeys("visits");
    }
}
