/**
 * Not API: opening the one cluster a process uses and saying, in one line, what is wrong with
 * its address, credentials, bucket or keyspace; disconnecting it cleanly. May change in any release.
 */
package io.profilekit.core.couchbase.internal.connection;
