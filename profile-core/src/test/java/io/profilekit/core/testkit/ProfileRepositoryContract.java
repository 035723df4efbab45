package io.profilekit.core.testkit;

import io.profilekit.core.ProfileRepository;

/**
 * What the parts of the repository contract share: the repository under test, a new empty one
 * for each test. {@link ProfileStoreCompatibilityKit} implements every part.
 */
public interface ProfileRepositoryContract {

    /** The repository under test. */
    ProfileRepository repository();
}
