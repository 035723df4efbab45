/**
 * The store contract as a test kit: {@link io.profilekit.core.testkit.ProfileStoreCompatibilityKit}
 * and its parts, which every {@link io.profilekit.core.spi.ProfileStore} must pass, published in
 * profile-core's test jar for stores written elsewhere.
 */
package io.profilekit.core.testkit;
