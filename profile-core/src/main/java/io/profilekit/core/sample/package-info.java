/**
 * Deterministic sample data: realistic people with avatar pictures, the same for the same
 * seed, for demos, tests and load tests. Needs {@code net.datafaker:datafaker} on the class
 * path (an optional dependency of profile-core).
 */
package io.profilekit.core.sample;
