package io.profilekit.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.internal.Json;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.spi.ProfileStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Imports of sample files in each format, written after the formats' documentation (Auth0's
 * user export and import jobs, Keycloak's realm exports, SCIM Users), with accents, missing
 * fields, duplicates, bad e-mails and oversize values; on memory here, on CouchbaseMock in
 * {@link ProfileImportOnCouchbaseTest}.
 */
class ProfileImportTest {

    ProfileRepository repository;
    private ByteArrayOutputStream rejects;

    ProfileStore openStore() {
        return new InMemoryProfileStore();
    }

    @BeforeEach
    void openRepository() {
        repository = ProfileRepository.of(openStore());
        rejects = new ByteArrayOutputStream();
    }

    private ProfileImport.Progress importFile(String file, ImportFormat format) throws IOException {
        return importFile(file, ProfileImport.builder(repository, format).parallelism(1));
    }

    private ProfileImport.Progress importFile(String file, ProfileImport.Builder builder) throws IOException {
        try (InputStream in = ProfileImportTest.class.getResourceAsStream(file)) {
            return builder.rejects(rejects).build().run(in);
        }
    }

    private List<JsonNode> rejected() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : rejects.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(Json.MAPPER.readTree(line));
            }
        }
        return lines;
    }

    private Profile stored(String username) {
        return repository.findByUsername(username).orElseThrow().profile();
    }

    @Test
    void anAuth0ExportImportsWithItsDuplicateSkippedAndItsBadRecordsRejected() throws IOException {
        ProfileImport.Progress done = importFile("auth0-export.ndjson", ImportFormat.AUTH0);

        assertThat(done.read()).isEqualTo(6);
        assertThat(done.created()).isEqualTo(3);
        assertThat(done.skipped()).isEqualTo(1);
        assertThat(done.rejected()).isEqualTo(2);
        assertThat(rejected()).extracting(line -> line.get("line").asLong()).containsExactly(4L, 5L);
        assertThat(rejected().get(0).get("reason").asText()).contains("email");
        assertThat(rejected().get(1).get("reason").asText()).contains("name");
    }

    @Test
    void anAuth0UserKeepsItsAccentsAndWhatHasNoField() throws IOException {
        importFile("auth0-export.ndjson", ImportFormat.AUTH0);

        Profile jose = stored("jmuller");
        assertThat(jose.name()).isEqualTo("José Müller");
        assertThat(jose.firstName()).isEqualTo("José");
        assertThat(jose.emailVerified()).isTrue();
        assertThat(jose.attributes().get("auth0").toString()).contains("user_id=auth0|5f7c8ec7c33c6c004bbafe82",
                "plan=gold", "theme=dark");
    }

    @Test
    void anAuth0UserWithoutUsernameIsKnownByItsEmail() throws IOException {
        importFile("auth0-export.ndjson", ImportFormat.AUTH0);

        assertThat(stored("zoe@example.org").name()).isEqualTo("Zoë Ångström");
    }

    @Test
    void aBlockedAuth0UserIsDeactivatedAndItsPasswordHashNotKept() throws IOException {
        importFile("auth0-export.ndjson", ImportFormat.AUTH0);

        Profile gone = stored("gone");
        assertThat(gone.attributes()).containsEntry("active", false);
        assertThat(gone.toString()).doesNotContain("$2b$10$", "custom_password_hash");
    }

    @Test
    void anAuth0ImportJobArrayImports() throws IOException {
        ProfileImport.Progress done = importFile("auth0-import.json", ImportFormat.AUTH0);

        assertThat(done.created()).isEqualTo(2);
        assertThat(done.skipped()).isEqualTo(1);
        assertThat(stored("bjorn").email()).isEqualTo("björn@example.se");
    }

    @Test
    void aKeycloakRealmExportImportsItsUsers() throws IOException {
        ProfileImport.Progress done = importFile("keycloak-realm.json", ImportFormat.KEYCLOAK);

        assertThat(done.created()).isEqualTo(3);
        assertThat(done.rejected()).isEqualTo(1);
        Profile alice = stored("alice");
        assertThat(alice.name()).isEqualTo("Alice Liddell");
        assertThat(alice.attributes().get("keycloak").toString()).contains("phoneNumber", "/staff")
                .doesNotContain("secretData", "pbkdf2");
    }

    @Test
    void aDisabledKeycloakUserIsDeactivated() throws IOException {
        importFile("keycloak-realm.json", ImportFormat.KEYCLOAK);

        assertThat(stored("françois").attributes()).containsEntry("active", false);
        assertThat(stored("françois").name()).isEqualTo("François");
    }

    @Test
    void aPartialKeycloakExportImports() throws IOException {
        assertThat(importFile("keycloak-realm-users-0.json", ImportFormat.KEYCLOAK).created()).isEqualTo(2);
    }

    @Test
    void scimUsersImportFromAnArray() throws IOException {
        ProfileImport.Progress done = importFile("scim-users.json", ImportFormat.SCIM);

        assertThat(done.created()).isEqualTo(2);
        assertThat(done.rejected()).isEqualTo(1);
        assertThat(stored("kenji").attributes()).containsEntry("active", false);
    }

    @Test
    void aBrokenNdjsonLineIsRejectedAndTheRestImported() throws IOException {
        ProfileImport.Progress done = importFile("scim-users.ndjson", ImportFormat.SCIM);

        assertThat(done.created()).isEqualTo(2);
        assertThat(done.rejected()).isEqualTo(2);
        assertThat(rejected()).extracting(line -> line.get("line").asLong()).containsExactly(2L, 4L);
        assertThat(rejected().get(1).get("record").asText()).isEqualTo("{broken");
    }

    @Test
    void aSecondRunCreatesNothing() throws IOException {
        importFile("auth0-export.ndjson", ImportFormat.AUTH0);

        ProfileImport.Progress again = importFile("auth0-export.ndjson", ImportFormat.AUTH0);

        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(4);
    }

    @Test
    void aParallelImportCountsTheSame() throws IOException {
        ProfileImport.Progress done = importFile("auth0-export.ndjson",
                ProfileImport.builder(repository, ImportFormat.AUTH0).parallelism(8));

        assertThat(List.of(done.created(), done.skipped(), done.rejected())).containsExactly(3L, 1L, 2L);
    }

    @Test
    void anUpdateOnConflictReplacesTheStoredFields() throws IOException {
        importFile("auth0-export.ndjson", ImportFormat.AUTH0);

        ProfileImport.Progress again = importFile("auth0-export.ndjson", ProfileImport.builder(repository,
                ImportFormat.AUTH0).parallelism(1).onConflict(OnConflict.UPDATE));

        assertThat(again.updated()).isEqualTo(4);
        assertThat(stored("jmuller").name()).isEqualTo("José again");
    }

    @Test
    void aDryRunWritesNothingAndCountsWhatItWouldDo() throws IOException {
        ProfileImport.Progress done = importFile("auth0-export.ndjson", ProfileImport.builder(repository,
                ImportFormat.AUTH0).parallelism(1).dryRun(true));

        assertThat(done.created()).isEqualTo(4);
        assertThat(done.rejected()).isEqualTo(2);
        assertThat(repository.findByUsername("jmuller")).isEmpty();
    }

    @Test
    void aResumedImportSkipsTheLinesDone() throws IOException {
        ProfileImport.Progress done = importFile("auth0-export.ndjson", ProfileImport.builder(repository,
                ImportFormat.AUTH0).parallelism(1).resumeAfter(5));

        assertThat(done.read()).isEqualTo(1);
        assertThat(repository.findByUsername("gone")).isPresent();
        assertThat(repository.findByUsername("jmuller")).isEmpty();
    }

    @Test
    void aFileThatBreaksOffStopsSayingWhereToResume() {
        byte[] broken = "[{\"userName\":\"a\"},\n{\"userName\":\"b\"},\n{\"userName\":".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ProfileImport.builder(repository, ImportFormat.SCIM).parallelism(1).build()
                .run(new ByteArrayInputStream(broken)))
                .isInstanceOfSatisfying(ImportStoppedException.class,
                        stopped -> assertThat(stopped.resumeAfter()).isEqualTo(2))
                .hasMessageContaining("not JSON from line 3");
        assertThat(repository.findByUsername("b")).isPresent();
    }

    @Test
    void progressIsToldEveryNRecordsWithALineToResumeAfter() throws IOException {
        List<ProfileImport.Progress> told = new ArrayList<>();

        importFile("auth0-export.ndjson", ProfileImport.builder(repository, ImportFormat.AUTH0).parallelism(1)
                .progress(2, told::add));

        assertThat(told).extracting(ProfileImport.Progress::read).containsExactly(2L, 4L, 6L);
        assertThat(told).allSatisfy(sofar -> assertThat(sofar.resumeAfter()).isLessThanOrEqualTo(sofar.read()));
        assertThat(told.get(2).bytesRead()).isPositive();
    }

    @Test
    void anUnknownFormatNameIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> ImportFormat.parse("csv")).hasMessageContaining("ndjson, auth0, keycloak, scim");
    }
}
