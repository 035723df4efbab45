package io.profilekit.servlet;

/**
 * What the resource API accepts at most.
 *
 * @param maxProfileBytes the largest profile body, {@code profile.api.max-profile-bytes}
 * @param maxPictureBytes the largest picture body, {@code profile.api.max-picture-bytes}
 * @param maxPictureSide the most pixels a picture may have on either side
 * @param maxConcurrentBodyReads how many requests may be reading their bodies at once,
 *     {@code profile.api.max-concurrent-body-reads}; a request beyond it is answered 503 at
 *     once, so that slow uploads cannot occupy every thread of the container
 */
public record ApiLimits(int maxProfileBytes, int maxPictureBytes, int maxPictureSide, int maxConcurrentBodyReads) {

    /** 64 KiB profiles, 1 MiB pictures of at most 2048 x 2048 pixels, 64 bodies read at once. */
    public static final ApiLimits DEFAULTS = new ApiLimits(64 * 1024, 1024 * 1024, 2048, 64);

    public ApiLimits {
        if (maxProfileBytes < 1 || maxPictureBytes < 1 || maxPictureSide < 1 || maxConcurrentBodyReads < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
