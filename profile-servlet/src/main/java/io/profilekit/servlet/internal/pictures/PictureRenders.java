package io.profilekit.servlet.internal.pictures;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.core.pictures.DefaultAvatars;
import io.profilekit.core.pictures.PictureRenderer;
import io.profilekit.core.pictures.PictureRenderer.Encoding;
import io.profilekit.core.pictures.PictureRenderer.Rendered;
import io.profilekit.servlet.internal.http.PictureVariant;

/**
 * Renders of pictures and default avatars, kept in memory within a byte budget: a picture's (or
 * profile's) version is part of the key, so a new picture is never answered with an old render,
 * and identical requests that arrive together render once (the others wait for that render).
 * Hits, misses and evictions are in {@code /metrics} as
 * {@code cache_*{cache="profilekit_picture_renders"}}.
 */
public final class PictureRenders {

    /**
     * What a render is kept under: a picture's id and version, or, for a default avatar, its
     * profile's ({@code style} tells the two apart, as a picture may share its profile's id).
     */
    private record Key(long recordId, Version version, int size, Encoding encoding, DefaultAvatars.Style style) {
    }

    /** About what a key and an entry take besides the render's bytes. */
    private static final int ENTRY_OVERHEAD = 160;

    private final PictureRenderer renderer;
    private final Cache<Key, Rendered> cache;

    /** Renders of pictures of at most {@code maxPictureSide} pixels a side, {@code budgetBytes} of them kept. */
    public PictureRenders(int maxPictureSide, long budgetBytes, MeterRegistry registry) {
        renderer = new PictureRenderer(maxPictureSide);
        cache = Caffeine.newBuilder()
                .maximumWeight(budgetBytes)
                .weigher((Key key, Rendered rendered) -> (int) Math.min(Integer.MAX_VALUE,
                        rendered.bytes().length + (long) ENTRY_OVERHEAD))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, "profilekit_picture_renders");
    }

    /**
     * The render of {@code picture} that {@code variant} asks for.
     *
     * @throws io.profilekit.core.InvalidProfileException when the picture cannot be rendered
     */
    public Rendered render(StoredPicture picture, PictureVariant variant) {
        return cache.get(new Key(picture.recordId(), picture.version(), variant.size(), variant.encoding(), null),
                key -> renderer.render(picture.image(), key.size(), key.encoding()));
    }

    /** The default avatar of {@code profile}, which has no picture. */
    Rendered avatar(StoredProfile profile, DefaultAvatars.Style style, int size, Encoding encoding) {
        return cache.get(new Key(profile.recordId(), profile.version(), size, encoding, style),
                key -> DefaultAvatars.render(profile.profile(), style, size, encoding));
    }
}
