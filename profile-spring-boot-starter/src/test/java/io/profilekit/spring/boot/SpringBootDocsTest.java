package io.profilekit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/spring-boot.md's table names every property the starter has, and no other. */
class SpringBootDocsTest {

    @Test
    void thePropertiesTableNamesEveryPropertyOfTheStarter() throws Exception {
        List<String> properties = new ArrayList<>();
        try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            for (JsonNode property : new ObjectMapper().readTree(metadata).get("properties")) {
                properties.add(property.get("name").asText());
            }
        }
        List<String> documented = Files.readAllLines(Path.of("..", "docs", "spring-boot.md")).stream()
                .filter(line -> line.startsWith("| `profilekit."))
                .map(line -> line.substring(3, line.indexOf('`', 3))).toList();

        assertThat(properties).isNotEmpty();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(properties);
    }
}
