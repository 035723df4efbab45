/**
 * Not API: profilekit's SQL++ statements, constant text with named parameters, and the listings
 * that run them. May change in any release.
 */
package io.profilekit.core.couchbase.internal.query;
