/**
 * {@link io.profilekit.core.couchbase.CouchbaseProfileRepository}: profiles and pictures in
 * Couchbase scoped collections, in the seed's document format, with KV reads and writes, CAS
 * versions, and lookup documents for usernames and nicknames.
 */
package io.profilekit.core.couchbase;
