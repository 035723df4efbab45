/**
 * Moving people in and out: {@link io.profilekit.core.transfer.ProfileImport} reads profiles from
 * profilekit's own NDJSON export, Auth0's user exports, Keycloak's realm exports and SCIM Users,
 * and {@link io.profilekit.core.transfer.ProfileExport} writes every profile as NDJSON, streamed.
 * docs/moving-people.md has each format's mapping.
 */
package io.profilekit.core.transfer;
