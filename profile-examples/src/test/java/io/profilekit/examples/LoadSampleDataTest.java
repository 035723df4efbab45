package io.profilekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.couchbase.MockCouchbase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadSampleDataTest {

    @Test
    void loadsPeopleWithPicturesIntoCouchbaseShowingProgress() {
        MockCouchbase.flush();
        CouchbaseSettings settings = CouchbaseSettings.builder(MockCouchbase.connectionString())
                .credentials(MockCouchbase.BUCKET, MockCouchbase.PASSWORD)
                .keyspace(MockCouchbase.KEYSPACE)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long loaded = LoadSampleData.load(settings, 40, 1, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(loaded).isEqualTo(40);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 of 40 profiles", "40 of 40 profiles",
                "Loaded 40 profiles into profiles");
        ProfileRepository repository = ProfileRepository.of(
                CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE));
        assertThat(repository.findById(40).orElseThrow().profile().picture()).isEqualTo(40L);
        assertThat(repository.findPicture(40)).isPresent();
    }
}
