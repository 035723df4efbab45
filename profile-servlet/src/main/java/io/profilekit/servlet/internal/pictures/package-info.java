/**
 * Not API: how the servlets answer for pictures (renders and their cache, picture URLs and their
 * signatures, the picture resource). May change in any release.
 */
package io.profilekit.servlet.internal.pictures;
