/**
 * What a store implements so that {@link io.profilekit.core.ProfileRepository} can serve
 * profiles from it: {@link io.profilekit.core.spi.ProfileStore}, a narrow, asynchronous set of
 * primitive reads and conditional writes. Validation, retries after lost races and the
 * repository's answers live in the repository, once, for every store; a store only keeps its
 * data and its invariants (unique usernames, a new version on every write, conditional writes
 * that fail rather than overwrite). Run the contract suite of profile-core's test jar against
 * yours (docs/examples.md).
 */
package io.profilekit.core.spi;
