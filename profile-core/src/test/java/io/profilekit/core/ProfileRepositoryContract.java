package io.profilekit.core;

/**
 * What the parts of the repository contract share: the repository under test, a new empty one
 * for each test. {@link AbstractProfileRepositoryTest} implements every part.
 */
public interface ProfileRepositoryContract {

    /** The repository under test. */
    ProfileRepository repository();
}
