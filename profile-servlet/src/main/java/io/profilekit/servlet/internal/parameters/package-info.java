/**
 * Not API: the request parameters the routes read (path segments, query strings, listing and
 * picture parameters), each parsed into a value or refused with a 400 that says what is allowed.
 * May change in any release.
 */
package io.profilekit.servlet.internal.parameters;
