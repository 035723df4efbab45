package io.profilekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.memory.InMemoryProfileRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RepositoryBasicsTest {

    @Test
    void runsEveryStepOnTheInMemoryRepository() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InMemoryProfileRepository repository = new InMemoryProfileRepository()) {
            RepositoryBasics.run(repository, new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(repository.findByUsername("ada1815").orElseThrow().profile().picture()).isNotNull();
        }

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("created record 1", "found Ada Lovelace <ada@example.com>", "stale update refused",
                        "is image/png, 70 bytes", "city is now London");
    }
}
