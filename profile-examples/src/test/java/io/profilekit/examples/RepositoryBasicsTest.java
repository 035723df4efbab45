package io.profilekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.memory.InMemoryProfileStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RepositoryBasicsTest {

    private static String runOn(ProfileRepository repository) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long id = RepositoryBasics.run(repository, "ada1815", new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(repository.findById(id).orElseThrow().profile().picture()).isNotNull();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsEveryStepOnTheInMemoryRepository() {
        try (ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore())) {
            assertThat(runOn(repository)).contains("created record 1", "found Ada Lovelace <ada1815@example.com>",
                    "stale update refused", "is image/png, 70 bytes", "city is now London");
        }
    }

    @Test
    void runsEveryStepOnCouchbase() {
        MockCouchbase.flush();
        try (ProfileRepository repository = ProfileRepository.of(CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE))) {
            assertThat(runOn(repository)).contains("found Ada Lovelace", "stale update refused", "city is now London");
        }
    }
}
