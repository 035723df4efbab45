package io.profilekit.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.ProfileWalk;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.sample.SampleDataLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileExportTest {

    private static byte[] export(ProfileRepository repository) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProfileExport(repository).write(out, 0, last -> { });
        return out.toByteArray();
    }

    private static ProfileRepository demo(int count) {
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        new SampleDataLoader(repository, 42).load(count, false, done -> { });
        return repository;
    }

    @Test
    void anExportImportedIntoAnEmptyStoreExportsTheSameBytes() throws IOException {
        byte[] first = export(demo(ProfileWalk.PAGE + 200));
        ProfileRepository empty = ProfileRepository.of(new InMemoryProfileStore());

        ProfileImport.Progress imported = ProfileImport.builder(empty, ImportFormat.NDJSON).build()
                .run(new ByteArrayInputStream(first));

        assertThat(imported.created()).isEqualTo(ProfileWalk.PAGE + 200);
        assertThat(export(empty)).isEqualTo(first);
    }

    @Test
    void anExportWithPicturesRoundTripsWithThePictures() throws IOException {
        ProfileRepository demo = ProfileRepository.of(new InMemoryProfileStore());
        new SampleDataLoader(demo, 7).load(30, true, done -> { });
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        new ProfileExport(demo, true).write(first, 0, last -> { });
        ProfileRepository empty = ProfileRepository.of(new InMemoryProfileStore());

        ProfileImport.Progress imported = ProfileImport.builder(empty, ImportFormat.NDJSON).build()
                .run(new ByteArrayInputStream(first.toByteArray()));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new ProfileExport(empty, true).write(again, 0, last -> { });

        assertThat(imported.created()).isEqualTo(30);
        assertThat(first.toString(StandardCharsets.UTF_8)).contains("{\"picture_of\":1,\"user_images\":{");
        assertThat(again.toByteArray()).isEqualTo(first.toByteArray());
        assertThat(empty.findPicture(empty.findById(1).orElseThrow().profile().picture())).isPresent();
    }

    @Test
    void aPictureLineWithoutItsProfileIsRejected() throws IOException {
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        ByteArrayOutputStream rejects = new ByteArrayOutputStream();
        byte[] file = "{\"picture_of\":1,\"user_images\":{\"record_id\":1,\"type\":\"png\",\"image\":\"eA==\"}}\n"
                .getBytes(StandardCharsets.UTF_8);

        ProfileImport.Progress done = ProfileImport.builder(repository, ImportFormat.NDJSON).rejects(rejects).build()
                .run(new ByteArrayInputStream(file));

        assertThat(done.rejected()).isEqualTo(1);
        assertThat(rejects.toString(StandardCharsets.UTF_8)).contains("must follow its profile");
    }

    @Test
    void profilesAreWrittenOnePerLineInRecordIdOrder() throws IOException {
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        repository.create(Profile.builder().recordId(9L).userId("nine").build());
        repository.create(Profile.builder().recordId(2L).userId("two").name("Zoë").build());

        assertThat(new String(export(repository), StandardCharsets.UTF_8))
                .isEqualTo("{\"record_id\":2,\"name\":\"Zoë\",\"user_id\":\"two\"}\n{\"record_id\":9,\"user_id\":\"nine\"}\n");
    }

    @Test
    void anExportResumesAfterARecordId() throws IOException {
        ProfileRepository repository = demo(30);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> pages = new ArrayList<>();

        long written = new ProfileExport(repository).write(out, 25, pages::add);

        assertThat(written).isEqualTo(5);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"record_id\":26,");
        assertThat(pages).containsExactly(30L);
    }
}
