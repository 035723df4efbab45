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

    /** The smallest body limit: 1 KiB, below which no profile or picture fits. */
    public static final int MIN_BODY_BYTES = 1024;
    /** The largest body limit, 16 MiB: a body is held in memory whole while it is checked. */
    public static final int MAX_BODY_BYTES = 16 << 20;
    /** The largest picture side accepted at all: 16384 pixels. */
    public static final int MAX_PICTURE_SIDE = 16_384;
    /** The most body reads at once that may be allowed. */
    public static final int MAX_CONCURRENT_BODY_READS = 10_000;

    /** 64 KiB profiles, 1 MiB pictures of at most 2048 x 2048 pixels, 64 bodies read at once. */
    public static final ApiLimits DEFAULTS = new ApiLimits(64 * 1024, 1024 * 1024, 2048, 64);

    /** @throws IllegalArgumentException naming the limit out of its range */
    public ApiLimits {
        within("maxProfileBytes", maxProfileBytes, MIN_BODY_BYTES, MAX_BODY_BYTES);
        within("maxPictureBytes", maxPictureBytes, MIN_BODY_BYTES, MAX_BODY_BYTES);
        within("maxPictureSide", maxPictureSide, 1, MAX_PICTURE_SIDE);
        within("maxConcurrentBodyReads", maxConcurrentBodyReads, 1, MAX_CONCURRENT_BODY_READS);
    }

    private static void within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", not " + value);
        }
    }
}
