/**
 * Not API: the Couchbase store's parts, wired once ({@link io.profilekit.core.couchbase.internal.StoreParts}).
 * May change in any release.
 */
package io.profilekit.core.couchbase.internal;
