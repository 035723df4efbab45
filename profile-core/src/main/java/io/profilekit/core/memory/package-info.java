/**
 * {@link io.profilekit.core.memory.InMemoryProfileStore}: the embedded default store, and a
 * faithful test double for code written against {@link io.profilekit.core.ProfileRepository}.
 */
package io.profilekit.core.memory;
