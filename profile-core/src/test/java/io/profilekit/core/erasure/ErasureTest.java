package io.profilekit.core.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.IdempotencyKey;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.spi.ProfileStore;
import io.profilekit.core.testkit.ProfileStoreCompatibilityKit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deleted profile leaves nothing behind: after a delete, nothing the store holds (every map of
 * the in-memory store here; every document of the bucket in {@link ErasureOnCouchbaseTest})
 * names its username, its nickname, its e-mail or its record id, though its create was
 * idempotent, it had a picture and it was searched for.
 */
class ErasureTest {

    static final long ID = 987_654_321L;
    static final List<String> TRACES = List.of("zqxerasure", "zqxnick", Long.toString(ID));

    ProfileRepository repository;
    private ProfileStore store;

    ProfileStore openStore() {
        return new InMemoryProfileStore();
    }

    /** Everything the store holds, as text. */
    List<String> everythingHeld(ProfileStore opened) {
        return HeldValues.of(opened);
    }

    @BeforeEach
    void fill() {
        store = openStore();
        repository = ProfileRepository.of(store);
        repository.create(Profile.builder().recordId(ID).userId("zqxerasure").nickname("zqxnick")
                .email("zqxerasure@example.org").name("Zqx Erasure").build(),
                new IdempotencyKey("service:test", "erasure-key-1", Duration.ofHours(1)));
        repository.putPicture(ID, ProfilePicture.of(ProfileStoreCompatibilityKit.PNG));
        // the highest record id, which an id counter keeps, is another's
        repository.create(Profile.builder().recordId(ID + 1000).userId("bystander").email("b@example.org").build());
        searchFor("zqxerasure");
    }

    /** Searches where the store can; a store without search has no search entries to leave. */
    void searchFor(String text) {
        repository.search(new SearchQuery(text, 10, SearchQuery.DEFAULT_FIELDS));
    }

    @Test
    void beforeTheDeleteTheStoreHoldsEveryTrace() {
        String held = String.join("\n", everythingHeld(store));

        assertThat(held).contains(TRACES);
    }

    @Test
    void aDeletedProfileLeavesNoTrace() {
        repository.delete(ID);

        List<String> held = everythingHeld(store);
        assertThat(held).filteredOn(value -> TRACES.stream().anyMatch(value::contains)).isEmpty();
        assertThat(held).anyMatch(value -> value.contains("bystander"));
    }
}
