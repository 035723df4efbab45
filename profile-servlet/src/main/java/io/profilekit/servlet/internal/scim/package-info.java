/**
 * SCIM 2.0 under {@code /scim/v2} (RFC 7643, RFC 7644), for identity providers that provision
 * people: Users over the same repository as the rest of the API, and the discovery endpoints.
 * The mapping, filters and PATCH live in {@code io.profilekit.core.scim}; here, only HTTP.
 */
package io.profilekit.servlet.internal.scim;
