/**
 * Not API: how the routes answer for pictures (renders and their cache, picture URLs and their
 * signatures, the picture resource, /pictures/{id}). May change in any release.
 */
package io.profilekit.servlet.internal.pictures;
