package io.profilekit.core.sample;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;

/**
 * A generated person: the profile (without record id or picture link; the repository assigns
 * those) and its avatar.
 *
 * @param profile the profile to create
 * @param picture the avatar to store as the profile's picture, or {@code null} for none
 */
public record SampleProfile(Profile profile, ProfilePicture picture) {
}
