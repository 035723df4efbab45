/**
 * Not API: the lookup protocol: username claims and nickname entries written with every
 * profile write, reads through them, and their repairs. May change in any release.
 */
package io.profilekit.core.couchbase.internal.lookups;
