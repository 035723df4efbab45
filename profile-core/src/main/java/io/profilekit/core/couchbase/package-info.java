/**
 * {@link io.profilekit.core.couchbase.CouchbaseProfileStore}: profiles and pictures in
 * Couchbase scoped collections, in the seed's document format, with KV reads and writes, CAS
 * versions, and lookup documents for usernames and nicknames; its settings, keyspace and
 * maintenance ({@code init}, {@code reindex}, the {@link io.profilekit.core.couchbase.CouchbaseDoctor
 * doctor}). Its subsystems live in {@code internal} packages, which are not API.
 */
package io.profilekit.core.couchbase;
