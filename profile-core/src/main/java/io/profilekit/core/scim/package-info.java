/**
 * Profiles as SCIM 2.0 Users (RFC 7643, RFC 7644), for identity providers and for files of
 * Users: the mapping ({@link io.profilekit.core.scim.ScimUsers}), filters
 * ({@link io.profilekit.core.scim.ScimFilter}) and queries over a repository
 * ({@link io.profilekit.core.scim.ScimQueries}); docs/scim.md has the mapping's table.
 */
package io.profilekit.core.scim;
