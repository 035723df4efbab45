package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.sample.SampleDataLoader;
import io.profilekit.core.transfer.ProfileExport;
import io.profilekit.server.settings.DemoSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The demo people: the build's export read back in two halves is the store the generator fills. */
class DemoDataTest {

    private static byte[] export(ProfileRepository repository) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProfileExport(repository, true).write(out, 0, last -> { });
        return out.toByteArray();
    }

    private static ProfileRepository empty() {
        return ProfileRepository.of(new InMemoryProfileStore());
    }

    @Test
    void anExportReadInTwoHalvesGivesTheSameStoreAsTheGenerator() throws IOException {
        ProfileRepository generated = empty();
        new SampleDataLoader(generated, DemoData.SEED).load(41, true, done -> { });
        byte[] shipped = export(generated);
        ProfileRepository read = empty();

        DemoData.read(read, new ByteArrayInputStream(shipped));

        assertThat(export(read)).isEqualTo(shipped);
        assertThat(read.findById(41)).isPresent();
        assertThat(read.findPicture(read.findById(21).orElseThrow().profile().picture())).isPresent();
    }

    @Test
    void anExportWithARecordTheStoreRefusesFailsTheFill() {
        byte[] broken = "{\"record_id\":1,\"user_id\":\"ada\"}\n{\"record_id\":\"two\"}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DemoData.read(empty(), new ByteArrayInputStream(broken)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 record(s)");
    }

    @Test
    void settingsOtherThanTheDefaultsGenerateTheirPeople() {
        ProfileRepository repository = empty();

        DemoData.fill(repository, new DemoSettings(7, false));

        assertThat(repository.findById(7)).hasValueSatisfying(stored -> assertThat(stored.profile().picture()).isNull());
        assertThat(repository.findById(8)).isEmpty();
    }
}
