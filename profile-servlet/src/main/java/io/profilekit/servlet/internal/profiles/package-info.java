/**
 * Not API: one profile as a resource (read, replace, patch, delete), for its own route and for
 * /api/v1/me. May change in any release.
 */
package io.profilekit.servlet.internal.profiles;
