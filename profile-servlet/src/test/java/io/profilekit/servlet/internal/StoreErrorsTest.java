package io.profilekit.servlet.internal;

import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.ProfileTooLargeException;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.testkit.ForwardingProfileStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store's failures as HTTP answers: each kind its status, no operator's detail to clients. */
class StoreErrorsTest {

    private static RunningServer http;

    @BeforeAll
    static void start() throws Exception {
        http = RunningServer.start(ProfileRepository.of(new ForwardingProfileStore(new InMemoryProfileStore()) {
            @Override
            public CompletableFuture<StoredProfile> insert(Profile profile) {
                return CompletableFuture.failedFuture(new ProfileTooLargeException(
                        "the profile or picture is larger than the store accepts (20 MiB)", null));
            }

            @Override
            public CompletableFuture<Optional<StoredProfile>> findById(long recordId) {
                if (recordId == 1) {
                    return CompletableFuture.failedFuture(new StoreUnavailableException(
                            "Couchbase did not answer in time", null, Duration.ofSeconds(3)));
                }
                return CompletableFuture.failedFuture(StoreConfigurationException.misconfigured(
                        "user 'profile-app' may not read documents in sample_app.profiles.user_data: grant it the"
                                + " Data Reader role", null));
            }
        }));
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
    }

    @Test
    void aDocumentTooLargeForTheStoreIs413WithTheReason() throws Exception {
        HttpResponse<byte[]> response = http.json("POST", "/api/v1/profiles", "{\"user_id\": \"ada\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(text(response)).contains("larger than the store accepts");
    }

    @Test
    void anUnavailableStoreIs503WithTheStoresRetryAfterAndNoneOfItsDetail() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/profiles/1");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("3");
        assertThat(text(response)).contains("the profile store is unavailable; try again later")
                .doesNotContain("Couchbase");
    }

    @Test
    void aMisconfiguredStoreIs502WithoutRetryAfterAndNoneOfTheOperatorsDetail() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/profiles/2");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        assertThat(text(response)).contains("the profile store refused the request; its operator has been told")
                .doesNotContain("profile-app", "user_data", "Data Reader");
    }
}
