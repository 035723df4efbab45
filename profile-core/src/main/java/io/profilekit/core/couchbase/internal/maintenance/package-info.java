/**
 * Not API: {@code init} (collections, indexes, the record id counter) and {@code reindex} (the
 * lookup entries of profiles other tools stored). May change in any release.
 */
package io.profilekit.core.couchbase.internal.maintenance;
