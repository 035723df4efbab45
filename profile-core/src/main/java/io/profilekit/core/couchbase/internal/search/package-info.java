/**
 * Not API: search over Couchbase's Search service: the index profilekit defines, its creation
 * by {@code init}, and the requests that use it. May change in any release.
 */
package io.profilekit.core.couchbase.internal.search;
