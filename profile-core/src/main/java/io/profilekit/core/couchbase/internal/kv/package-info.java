/**
 * Not API: key-value documents on the SDK's asynchronous API (profiles, pictures, the counter,
 * shared secrets, the service token), the SDK's errors sorted into the repository's, and failing
 * fast while Couchbase does not answer. May change in any release.
 */
package io.profilekit.core.couchbase.internal.kv;
