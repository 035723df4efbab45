/**
 * profilekit's consumer API: {@link io.profilekit.core.ProfileRepository} (blocking) and
 * {@link io.profilekit.core.AsyncProfileRepository} read and write profiles and their pictures
 * over any store, with the values they take and give ({@link io.profilekit.core.Profile},
 * {@link io.profilekit.core.StoredProfile}, {@link io.profilekit.core.Page}...) and the
 * exceptions they throw, each a {@link io.profilekit.core.ProfileException} with a reason that
 * says whether a retry can help. Stores live in {@code io.profilekit.core.memory} and
 * {@code io.profilekit.core.couchbase}; what a store of your own implements, in
 * {@code io.profilekit.core.spi}.
 */
package io.profilekit.core;
