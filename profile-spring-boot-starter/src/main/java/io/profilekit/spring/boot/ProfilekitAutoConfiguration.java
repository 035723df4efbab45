package io.profilekit.spring.boot;

import com.couchbase.client.java.Cluster;
import io.micrometer.core.instrument.MeterRegistry;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.SearchField;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.List;
import java.util.Set;

/**
 * profilekit in a Spring Boot application: the {@link ProfileRepository} as a bean (on
 * Couchbase when {@code profilekit.db.connection-string} is set, over the application's own
 * {@link Cluster} bean when it has one, else in memory), the {@link ProfileApi} recording into
 * the application's {@link MeterRegistry}, mounted under {@code profilekit.path} beside the
 * application's own servlets, and its readiness as an Actuator health indicator. Every bean
 * backs off when the application defines its own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.couchbase.autoconfigure.CouchbaseAutoConfiguration"})
@ConditionalOnClass(ProfileRepository.class)
@EnableConfigurationProperties(ProfilekitProperties.class)
public class ProfilekitAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ProfilekitAutoConfiguration.class);

    /** The repository: Couchbase when a connection string or a {@link Cluster} bean is there, else memory. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ProfileRepository profileRepository(ProfilekitProperties properties, ObjectProvider<Cluster> clusters) {
        ProfilekitProperties.Db db = properties.getDb();
        Cluster cluster = clusters.getIfUnique();
        if (cluster != null) {
            return ProfileRepository.of(CouchbaseProfileStore.of(cluster, db.keyspace()));
        }
        if (db.getConnectionString() == null || db.getConnectionString().isBlank()) {
            return ProfileRepository.of(new InMemoryProfileStore());
        }
        return ProfileRepository.of(CouchbaseProfileStore.connect(CouchbaseSettings.builder(db.getConnectionString())
                .credentials(db.getUsername(), db.getPassword()).keyspace(db.keyspace()).build()));
    }

    /** The API over the repository, its meters in the application's registry when it has one. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ProfileApi profileApi(ProfileRepository repository, ProfilekitProperties properties,
            ObjectProvider<MeterRegistry> registries) {
        ProfileApi.Builder api = ProfileApi.builder(repository)
                .authenticator(new BearerTokenAuthenticator(properties.getTokens()))
                .searchFields(searchFields(properties.getSearchFields()))
                .scim(properties.isScimEnabled());
        registries.ifUnique(api::meterRegistry);
        return api.build();
    }

    private static Set<SearchField> searchFields(List<String> names) {
        try {
            return SearchField.parse(names);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profilekit.search-fields: " + e.getMessage(), e);
        }
    }

    /** Mounts the API under {@code profilekit.path}, and nowhere else, in the application's servlet context. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public ServletContextInitializer profilekitServlet(ProfileApi api, ProfilekitProperties properties) {
        if (properties.getTokens().isEmpty()) {
            LOG.warn("profilekit.tokens is empty: the API under {} answers 401 to every service", properties.getPath());
        }
        return context -> api.register(context, properties.getPath());
    }

    /** Profiles as their documents in the application's Jackson 3 mapper, when it has one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "tools.jackson.databind.JacksonModule")
    static class Jackson {

        @Bean
        @ConditionalOnMissingBean
        ProfilekitJacksonModule profilekitJacksonModule() {
            return new ProfilekitJacksonModule();
        }
    }

    /** profilekit's readiness (the store answers) in Actuator's health, when the application has Actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "profilekitHealthIndicator")
        HealthIndicator profilekitHealthIndicator(ProfileRepository repository) {
            return new ProfilekitHealthIndicator(repository);
        }
    }
}
