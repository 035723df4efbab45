package io.profilekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.sample.SampleDataLoader;
import io.profilekit.core.transfer.ProfileExport;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/profiles/export} over HTTP: streamed NDJSON, resumable, for services. */
class ExportRouteTest {

    private RunningServer http;

    @AfterEach
    void stop() throws Exception {
        if (http != null) {
            http.close();
        }
    }

    private void serve(int profiles) throws Exception {
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        new SampleDataLoader(repository, 3).load(profiles, false, done -> { });
        http = RunningServer.start(repository);
    }

    private byte[] exportedByCore(long after) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProfileExport(http.repository).write(out, after, last -> { });
        return out.toByteArray();
    }

    @Test
    void everyProfileIsStreamedAsStoredALineEachInRecordIdOrder() throws Exception {
        serve(2500);

        HttpResponse<byte[]> export = http.get("/api/v1/profiles/export");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).contains("application/x-ndjson");
        assertThat(export.headers().firstValue("Content-Length")).isEmpty();
        assertThat(export.body()).isEqualTo(exportedByCore(0));
        assertThat(new String(export.body(), StandardCharsets.UTF_8).split("\n")).hasSize(2500);
    }

    @Test
    void afterResumesAfterARecordId() throws Exception {
        serve(1200);

        HttpResponse<byte[]> export = http.get("/api/v1/profiles/export?after=1150");

        assertThat(new String(export.body(), StandardCharsets.UTF_8)).startsWith("{\"record_id\":1151,");
        assertThat(export.body()).isEqualTo(exportedByCore(1150));
    }

    @Test
    void anEmptyStoreExportsNothing() throws Exception {
        serve(0);

        HttpResponse<byte[]> export = http.get("/api/v1/profiles/export");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).isEmpty();
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        serve(3);

        HttpResponse<byte[]> head = http.send("HEAD", "/api/v1/profiles/export", "Authorization",
                "Bearer " + RunningServer.TOKEN);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void anAfterThatIsNoRecordIdIs400() throws Exception {
        serve(1);

        assertThat(http.get("/api/v1/profiles/export?after=x").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/profiles/export?limit=3").statusCode()).isEqualTo(400);
    }

    @Test
    void onCouchbaseWithoutAQueryServiceTheExportIs501BeforeItStarts() throws Exception {
        MockCouchbase.flush();
        http = RunningServer.start(ProfileRepository.of(CouchbaseProfileStore.of(MockCouchbase.cluster(),
                MockCouchbase.KEYSPACE)));

        HttpResponse<byte[]> export = http.get("/api/v1/profiles/export");

        assertThat(export.statusCode()).isEqualTo(501);
        assertThat(RunningServer.text(export)).contains("query service");
    }
}
