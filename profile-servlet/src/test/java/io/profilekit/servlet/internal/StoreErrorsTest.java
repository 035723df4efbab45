package io.profilekit.servlet.internal;

import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.ForwardingProfileRepository;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileTooLargeException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.memory.InMemoryProfileRepository;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the store's own errors reach a client: what it may act on, and nothing for operators only. */
class StoreErrorsTest {

    private static RunningServer http;

    @BeforeAll
    static void start() throws Exception {
        http = RunningServer.start(new ForwardingProfileRepository(new InMemoryProfileRepository()) {
            @Override
            public StoredProfile create(Profile profile) {
                throw new ProfileTooLargeException("the profile or picture is larger than the store accepts (20 MiB)",
                        null);
            }

            @Override
            public Optional<StoredProfile> findById(long recordId) {
                throw new StoreUnavailableException("user 'profile-app' may not read documents in "
                        + "sample_app.profiles.user_data: grant it the Data Reader role");
            }
        });
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
    void anUnavailableStoreIs503WithRetryAfterAndNoneOfTheOperatorsDetail() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/profiles/1");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(text(response)).contains("the profile store is unavailable; try again later")
                .doesNotContain("profile-app", "user_data", "Data Reader");
    }
}
