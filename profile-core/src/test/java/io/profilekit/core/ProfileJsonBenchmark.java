package io.profilekit.core;

import io.profilekit.core.sample.SampleProfile;
import io.profilekit.core.sample.SampleProfileGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON hot paths, so a regression shows: a read passes the stored bytes through (what
 * {@code GET /api/v1/id/{id}} and {@code GET /api/v1/profiles/{id}} do) rather than parsing the
 * document and writing it again; a write parses, and a merge patch parses twice. Pictures read
 * from Couchbase are decoded from the seed's base64 image document.
 *
 * <p>Run with {@code mvn -q -pl profile-core test-compile exec:exec@jmh}; see docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// A heap of fixed size, touched before the first iteration: on virtual machines whose memory is
// mapped in on first touch, a growing heap otherwise makes early iterations several times slower.
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"})
public class ProfileJsonBenchmark {

    private StoredProfile stored;
    private byte[] document;
    private byte[] patch;
    private byte[] pictureDocument;
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(4096);

    @Setup
    public void prepare() {
        SampleProfile sample = new SampleProfileGenerator(1).generate(1);
        Profile profile = sample.profile().withRecordId(1L).withPicture(1L);
        stored = StoredProfile.of(profile, new Version(1));
        document = ProfileJson.toJson(profile);
        patch = "{\"city\":\"Loadville\",\"phone\":null}".getBytes(StandardCharsets.UTF_8);
        pictureDocument = StoredPicture.of(1, sample.picture(), new Version(1)).json();
    }

    /** What a read does: the stored document's bytes, unchanged, into the response. */
    @Benchmark
    public int passStoredBytesThrough() throws IOException {
        sink.reset();
        StoredProfile.ofJson(1, document, stored.version()).writeJson(sink);
        return sink.size();
    }

    /** What a read would cost were the document parsed and written again. */
    @Benchmark
    public int parseAndWriteAgain() throws IOException {
        sink.reset();
        sink.write(ProfileJson.toJson(ProfileJson.fromJson(document)));
        return sink.size();
    }

    /** What a PUT or POST pays to read and check its body. */
    @Benchmark
    public Profile parse() {
        return ProfileJson.fromJson(document);
    }

    /** What a PATCH pays: the stored document and the patch merged into a profile. */
    @Benchmark
    public Profile mergePatch() {
        return ProfileJson.mergePatch(document, patch);
    }

    /** What a picture read from Couchbase pays: the image document's base64 decoded. */
    @Benchmark
    public int decodePictureDocument() {
        return StoredPicture.ofJson(1, pictureDocument, stored.version()).imageLength();
    }
}
