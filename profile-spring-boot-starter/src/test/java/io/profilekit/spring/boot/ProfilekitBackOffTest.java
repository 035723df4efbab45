package io.profilekit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.couchbase.client.java.Cluster;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.ProfileApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The auto-configuration gives way to what the application defines, and needs nothing but itself. */
class ProfilekitBackOffTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProfilekitAutoConfiguration.class));

    @Test
    void keepsTheApplicationsOwnRepository() {
        ProfileRepository own = ProfileRepository.of(new InMemoryProfileStore());

        runner.withBean(ProfileRepository.class, () -> own).run(context ->
                assertThat(context.getBean(ProfileRepository.class)).isSameAs(own));
    }

    @Test
    void buildsTheApiOverAMemoryRepositoryWithoutAConnectionStringOrARegistry() {
        runner.withPropertyValues("profilekit.tokens=t").run(context -> {
            assertThat(context).hasSingleBean(ProfileRepository.class).hasSingleBean(ProfileApi.class);
            assertThat(context.getBean(ProfileRepository.class).findById(1)).isEmpty();
        });
    }

    @Test
    void registersNoServletOutsideAWebApplication() {
        runner.run(context -> assertThat(context).doesNotHaveBean("profilekitServlet"));
    }

    @Test
    void keepsProfilesInTheApplicationsClusterWhenItHasOne() {
        MockCouchbase.flush();
        runner.withBean(Cluster.class, MockCouchbase::cluster)
                .withPropertyValues("profilekit.db.bucket=" + MockCouchbase.BUCKET, "profilekit.db.scope=_default",
                        "profilekit.db.profiles-collection=_default", "profilekit.db.images-collection=_default",
                        "profilekit.db.auth-collection=_default", "profilekit.db.lookups-collection=_default")
                .run(context -> {
                    long id = context.getBean(ProfileRepository.class)
                            .create(Profile.builder().userId("grace1906").name("Grace Hopper").build()).recordId();

                    assertThat(MockCouchbase.getRaw("user_data:" + id)).isPresent();
                });
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void warnsThatAnApiWithoutTokensRefusesEveryService(CapturedOutput output) {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(ProfilekitAutoConfiguration.class))
                .run(context -> assertThat(context).hasBean("profilekitServlet"));

        assertThat(output).contains("profilekit.tokens is empty: the API under /profiles answers 401 to every service");
    }
}
