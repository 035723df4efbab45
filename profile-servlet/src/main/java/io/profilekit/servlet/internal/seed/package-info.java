/**
 * Not API: the seed's routes ({@code /api/v1/id}, {@code /username}, {@code /nickname},
 * {@code /picture/record}, {@code /picture/raw}), answered as the seed answered them: JSON arrays,
 * the seed's error shape. May change in any release.
 */
package io.profilekit.servlet.internal.seed;
