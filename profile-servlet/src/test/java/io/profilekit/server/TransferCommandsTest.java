package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.server.settings.Settings;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's {@code import} and {@code export} commands, on the in-memory store. */
class TransferCommandsTest {

    @TempDir
    Path work;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> values = new HashMap<>(Map.of("profile.demo.profiles", "40"));

    private int run(String... args) {
        return new CommandLine(Settings.of(values::get), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path sample(String name) throws Exception {
        Path file = work.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/io/profilekit/core/transfer/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void exportWritesTheDemoProfilesOnePerLine() throws Exception {
        Path file = work.resolve("demo.ndjson");

        assertThat(run("export", "--out", file.toString())).isZero();

        assertThat(Files.readAllLines(file)).hasSize(40).first().asString().startsWith("{\"record_id\":1,");
        assertThat(printed()).contains("Exported 40 profiles to " + file);
    }

    @Test
    void importOfAnExportCreatesEveryProfileAndSaysNothingWasKeptInMemory() throws Exception {
        Path file = work.resolve("demo.ndjson");
        run("export", "--out", file.toString());

        assertThat(run("import", "--format", "ndjson", "--in", file.toString())).isZero();

        assertThat(printed()).contains("Imported 40 records", "40 created, 0 updated, 0 skipped (taken), 0 rejected\n",
                "Nothing was kept");
        assertThat(work.resolve("demo.ndjson.rejects.ndjson")).doesNotExist();
    }

    @Test
    void exportWithPicturesWritesEachPictureAfterItsProfileAndImportTakesThem() throws Exception {
        values.put("profile.demo.profiles", "5");
        Path file = work.resolve("pictures.ndjson");

        assertThat(run("export", "--out", file.toString(), "--pictures")).isZero();
        assertThat(run("import", "--format", "ndjson", "--in", file.toString())).isZero();

        assertThat(Files.readAllLines(file)).hasSize(10).element(1).asString().startsWith("{\"picture_of\":1,");
        assertThat(printed()).contains("Imported 5 records", "5 created");
    }

    @Test
    void importWritesItsRejectsBesideTheFileByDefault() throws Exception {
        Path file = sample("auth0-export.ndjson");

        assertThat(run("import", "--format", "auth0", "--in", file.toString(), "--parallelism", "1")).isZero();

        assertThat(Files.readAllLines(work.resolve("auth0-export.ndjson.rejects.ndjson"))).hasSize(2);
        assertThat(printed()).contains("3 created, 0 updated, 1 skipped (taken), 2 rejected");
    }

    @Test
    void aDryRunSaysChecked() throws Exception {
        Path file = sample("keycloak-realm.json");
        Path rejects = work.resolve("rejects.ndjson");

        assertThat(run("import", "--format", "keycloak", "--in", file.toString(), "--rejects", rejects.toString(),
                "--dry-run")).isZero();

        assertThat(printed()).contains("Checked 4 records", "3 created", "1 rejected (see " + rejects + ")");
    }

    @Test
    void anUnknownFormatIsOneLineAndStatus2() {
        assertThat(run("import", "--format", "csv", "--in", "x")).isEqualTo(2);

        assertThat(errors()).isEqualTo("profilekit: --format: 'csv' is no import format; use one of ndjson, auth0,"
                + " keycloak, scim" + System.lineSeparator());
    }

    @Test
    void aMissingFileIsOneLineAndStatus2() {
        assertThat(run("import", "--format", "scim", "--in", work.resolve("none.json").toString())).isEqualTo(2);

        assertThat(errors()).contains("none.json: no such file").doesNotContain("Exception");
    }

    @Test
    void anExportToAnUnwritablePlaceIsOneLineAndStatus2() {
        assertThat(run("export", "--out", work.resolve("no/such/dir/out.ndjson").toString())).isEqualTo(2);

        assertThat(errors()).contains("no such file or directory").doesNotContain("Exception");
    }
}
