/**
 * Not API: the resource API: the profiles collection, one profile as a resource (read, create,
 * replace, patch, delete), and a person's own profile at /api/v1/me. May change in any release.
 */
package io.profilekit.servlet.internal.profiles;
