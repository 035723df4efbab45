package io.profilekit.core.couchbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.couchbase.client.java.manager.user.Role;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreConfigurationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * First contact with a real cluster: least-privilege users for serve and for init, exactly
 * the roles docs/couchbase.md lists, and what a missing scope, collection or role answers.
 * Needs Docker; skipped, saying so, without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class CouchbaseServerPermissionsTest {

    private static final String PASSWORD = "a-long-test-password";
    private static final String BUCKET = CouchbaseServer.KEYSPACE.bucket();
    private static final String SCOPE = CouchbaseServer.KEYSPACE.scope();

    /** What docs/couchbase.md says serve needs. */
    static List<Role> serveRoles(CouchbaseKeyspace keyspace) {
        return List.of(
                new Role("data_reader", keyspace.bucket(), keyspace.scope(), "*"),
                new Role("data_writer", keyspace.bucket(), keyspace.scope(), "*"),
                new Role("query_select", keyspace.bucket(), keyspace.scope(), keyspace.profiles()),
                new Role("fts_searcher", keyspace.bucket(), keyspace.scope(), keyspace.profiles()));
    }

    /** What docs/couchbase.md says init needs once an administrator created the scope and collections. */
    static List<Role> initRoles(CouchbaseKeyspace keyspace) {
        List<Role> roles = new ArrayList<>(serveRoles(keyspace));
        roles.add(new Role("query_manage_index", keyspace.bucket(), keyspace.scope(), keyspace.profiles()));
        roles.add(new Role("query_system_catalog"));
        roles.add(new Role("fts_admin", keyspace.bucket()));
        return roles;
    }

    @BeforeEach
    void emptyKeyspace() {
        CouchbaseServer.empty();
    }

    @Test
    void aServeUserWithTheDocumentedRolesConnectsWritesReadsAndLists() {
        CouchbaseServer.user("serve-user", PASSWORD, serveRoles(CouchbaseServer.KEYSPACE));

        try (ProfileRepository repository = ProfileRepository.of(CouchbaseProfileStore.connect(
                CouchbaseServer.settings("serve-user", PASSWORD, CouchbaseServer.KEYSPACE)))) {
            long id = repository.create(Profile.builder().userId("ada").email("ada@example.com").build()).recordId();

            assertThat(repository.findByUsername("ada")).get().extracting(stored -> stored.recordId()).isEqualTo(id);
            assertThat(repository.list(ProfileQuery.first(10).withEmail("ada@example.com")).items()).hasSize(1);
        }
    }

    @Test
    void aUserWhoMayOnlyReadIsStoppedAtConnectNamingTheDataWriterRole() {
        CouchbaseServer.user("read-only", PASSWORD, List.of(new Role("data_reader", BUCKET, SCOPE, "*")));

        assertThatThrownBy(() -> CouchbaseProfileStore.connect(
                CouchbaseServer.settings("read-only", PASSWORD, CouchbaseServer.KEYSPACE)))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("user 'read-only' may not write documents in")
                .hasMessageContaining("Data Writer");
    }

    @Test
    void aUserWithoutARoleOnACollectionIsToldItDoesNotExistOrHasNoRole() {
        CouchbaseServer.user("profiles-only", PASSWORD, List.of(
                new Role("data_reader", BUCKET, SCOPE, "user_data"), new Role("data_writer", BUCKET, SCOPE, "user_data")));

        assertThatThrownBy(() -> CouchbaseProfileStore.connect(
                CouchbaseServer.settings("profiles-only", PASSWORD, CouchbaseServer.KEYSPACE)))
                .hasMessageStartingWith("collection 'profiles.user_images' in bucket 'sample_app' does not exist, or "
                        + "user 'profiles-only' has no role on it");
    }

    @Test
    void aMissingCollectionStopsConnectNamingIt() {
        CouchbaseKeyspace missing = new CouchbaseKeyspace(BUCKET, SCOPE, "no_such_things", "user_images", "service_auth",
                "profile_lookups");

        assertThatThrownBy(() -> CouchbaseProfileStore.connect(CouchbaseServer.settings(missing)))
                .hasMessageStartingWith("collection 'profiles.no_such_things' in bucket 'sample_app' does not exist")
                .hasMessageContaining("run init");
    }

    @Test
    void aMissingScopeStopsConnectNamingTheScope() {
        CouchbaseKeyspace missing = new CouchbaseKeyspace(BUCKET, "no_such_scope", "user_data", "user_images",
                "service_auth", "profile_lookups");

        assertThatThrownBy(() -> CouchbaseProfileStore.connect(CouchbaseServer.settings(missing)))
                .hasMessageStartingWith("scope 'no_such_scope' in bucket 'sample_app' does not exist");
    }

    @Test
    void aUserWithoutQuerySelectIsToldItLacksAQueryPrivilegeNotThatItsPasswordIsWrong() {
        CouchbaseServer.user("kv-only", PASSWORD, List.of(new Role("data_reader", BUCKET, SCOPE, "*"),
                new Role("data_writer", BUCKET, SCOPE, "*")));

        try (ProfileRepository repository = ProfileRepository.of(CouchbaseProfileStore.connect(
                CouchbaseServer.settings("kv-only", PASSWORD, CouchbaseServer.KEYSPACE)))) {
            assertThatThrownBy(() -> repository.list(ProfileQuery.first(10)))
                    .hasMessageContaining("user 'kv-only' lacks a query privilege")
                    .message().doesNotContain("refused");
        }
    }

    @Test
    void initByAUserWhoMayNotManageScopesSucceedsWhenTheCollectionsExist() {
        CouchbaseServer.user("init-user", PASSWORD, initRoles(CouchbaseServer.KEYSPACE));
        List<String> steps = new ArrayList<>();

        CouchbaseProfileStore.initialize(CouchbaseServer.settings("init-user", PASSWORD, CouchbaseServer.KEYSPACE),
                steps::add);

        assertThat(steps).contains("indexes profilekit_by_record_id, profilekit_by_email are online")
                .noneMatch(step -> step.startsWith("created"));
    }

    @Test
    void initByAUserWhoMayNotManageScopesNamesTheCollectionItCannotCreate() {
        CouchbaseKeyspace wanted = new CouchbaseKeyspace(BUCKET, SCOPE, "user_data_v2", "user_images", "service_auth",
                "profile_lookups");
        CouchbaseServer.user("init-user-2", PASSWORD, initRoles(wanted));

        assertThatThrownBy(() -> CouchbaseProfileStore.initialize(
                CouchbaseServer.settings("init-user-2", PASSWORD, wanted), step -> { }))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("collection 'profiles.user_data_v2'")
                .hasMessageContaining("Manage Scopes");
    }

    @Test
    void wrongPasswordIsRefusedCredentialsWithoutWaitingForTheTimeout() {
        assertThatThrownBy(() -> CouchbaseProfileStore.connect(
                CouchbaseServer.settings("Administrator", "not-the-password", CouchbaseServer.KEYSPACE)))
                .hasMessageContaining("refused the password of user 'Administrator'")
                .message().doesNotContain("not-the-password");
    }
}
