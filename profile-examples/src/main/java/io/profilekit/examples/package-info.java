/**
 * Runnable examples of profilekit in your own code, one class per scenario. Each has a
 * {@code main} and is run by a smoke test in the build, so none can silently stop working.
 */
package io.profilekit.examples;
