package io.profilekit.servlet.internal.pictures;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.core.pictures.DefaultAvatars;
import io.profilekit.core.pictures.PictureRenderer;
import io.profilekit.core.pictures.PictureRenderer.Encoding;
import io.profilekit.core.pictures.PictureRenderer.Rendered;
import io.profilekit.servlet.internal.parameters.PictureVariant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Renders of pictures and default avatars, made on the API's worker threads (never on a thread
 * that reads requests) and kept in memory within a byte budget: a picture's (or profile's)
 * version is part of the key, so a new picture is never answered with an old render, and
 * identical requests that arrive together share one render. Hits, misses and evictions are
 * meters {@code profilekit.picture.renders.*}.
 */
public final class PictureRenders {

    /**
     * What a render is kept under: a picture's id and version, or, for a default avatar, its
     * profile's ({@code style} tells the two apart, as a picture may share its profile's id).
     */
    private record Key(long recordId, Version version, int size, Encoding encoding, DefaultAvatars.Style style) {
    }

    /**
     * A render, or why it could not be made: the cache holds attempts rather than failed futures,
     * which its loader would log with their stack traces, one per request for a corrupt picture.
     */
    private record Attempt(Rendered rendered, RuntimeException failure) {

        static Attempt of(Supplier<Rendered> render) {
            try {
                return new Attempt(render.get(), null);
            } catch (RuntimeException e) {
                return new Attempt(null, e);
            }
        }

        int weight() {
            return rendered == null ? ENTRY_OVERHEAD
                    : (int) Math.min(Integer.MAX_VALUE, rendered.bytes().length + (long) ENTRY_OVERHEAD);
        }
    }

    /** About what a key and an entry take besides the render's bytes. */
    private static final int ENTRY_OVERHEAD = 160;

    private final PictureRenderer renderer;
    private final AsyncCache<Key, Attempt> cache;
    private final Executor workers;

    /**
     * Renders of pictures of at most {@code maxPictureSide} pixels a side, {@code budgetBytes}
     * of them kept, made on {@code workers}.
     */
    public PictureRenders(int maxPictureSide, long budgetBytes, Executor workers, MeterRegistry registry) {
        this.renderer = new PictureRenderer(maxPictureSide);
        this.workers = workers;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(budgetBytes)
                .weigher((Key key, Attempt attempt) -> attempt.weight())
                .executor(workers)
                .recordStats()
                .buildAsync();
        meter(registry);
    }

    /**
     * The render of {@code picture} that {@code variant} asks for; fails with
     * {@link io.profilekit.core.InvalidProfileException} when the picture cannot be rendered.
     */
    public CompletableFuture<Rendered> render(StoredPicture picture, PictureVariant variant) {
        return kept(new Key(picture.recordId(), picture.version(), variant.size(), variant.encoding(), null),
                () -> renderer.render(picture.image(), variant.size(), variant.encoding()));
    }

    /** The default avatar of {@code profile}, which has no picture. */
    CompletableFuture<Rendered> avatar(StoredProfile profile, DefaultAvatars.Style style, int size, Encoding encoding) {
        return kept(new Key(profile.recordId(), profile.version(), size, encoding, style),
                () -> DefaultAvatars.render(profile.profile(), style, size, encoding));
    }

    /**
     * Forgets every render kept under {@code recordId} (a deleted profile's avatars, its deleted
     * picture's renders): none could be answered any more, as every answer reads the store first,
     * but a deleted person's likeness should not stay in memory either.
     */
    public void forget(long recordId) {
        cache.synchronous().asMap().keySet().removeIf(key -> key.recordId() == recordId);
    }

    /** The render kept under {@code key}, or made on the workers; a failure is not kept, so the next asks anew. */
    private CompletableFuture<Rendered> kept(Key key, Supplier<Rendered> render) {
        CompletableFuture<Attempt> attempt = cache.get(key,
                (unused, executor) -> CompletableFuture.supplyAsync(() -> Attempt.of(render), workers));
        return attempt.thenCompose(made -> {
            if (made.failure() == null) {
                return CompletableFuture.completedFuture(made.rendered());
            }
            cache.asMap().remove(key, attempt);
            return CompletableFuture.failedFuture(made.failure());
        });
    }

    private void meter(MeterRegistry registry) {
        var stats = cache.synchronous();
        counter(registry, "profilekit.picture.renders.gets", "hit", cache, c -> stats.stats().hitCount());
        counter(registry, "profilekit.picture.renders.gets", "miss", cache, c -> stats.stats().missCount());
        FunctionCounter.builder("profilekit.picture.renders.evictions", cache,
                c -> (double) stats.stats().evictionCount())
                .description("Renders dropped to keep within the byte budget").register(registry);
        Gauge.builder("profilekit.picture.renders.size", cache, c -> (double) stats.estimatedSize())
                .description("Renders kept in memory").register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String result, AsyncCache<Key, Attempt> cache,
            ToDoubleFunction<AsyncCache<Key, Attempt>> count) {
        FunctionCounter.builder(name, cache, count).tag("result", result)
                .description("Renders asked for, kept (hit) or made anew (miss)").register(registry);
    }
}
