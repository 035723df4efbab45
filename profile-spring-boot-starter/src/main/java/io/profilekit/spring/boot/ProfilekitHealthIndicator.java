package io.profilekit.spring.boot;

import io.profilekit.core.ProfileException;
import io.profilekit.core.ProfileRepository;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Up while the store answers a read of the profiles ({@link ProfileRepository#ping()}), as
 * profilekit's own {@code /readyz}; down with what the store said, which names no secret.
 */
final class ProfilekitHealthIndicator implements HealthIndicator {

    private final ProfileRepository repository;

    ProfilekitHealthIndicator(ProfileRepository repository) {
        this.repository = repository;
    }

    @Override
    public Health health() {
        try {
            repository.ping();
            return Health.up().build();
        } catch (ProfileException e) {
            return Health.down().withDetail("reason", e.reason().name()).withDetail("detail", e.getMessage()).build();
        }
    }
}
