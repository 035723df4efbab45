package io.profilekit.servlet.internal.pictures;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.internal.Futures;
import io.profilekit.core.pictures.DefaultAvatars;
import io.profilekit.core.pictures.PictureRenderer.Encoding;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.EntityTags;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Request;
import io.profilekit.servlet.internal.parameters.PictureVariant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Answers a picture route with an image under its own entity tag (304 when the request's
 * {@code If-None-Match} has it): the stored bytes, a rendering of them, or a default avatar.
 * The picture routes differ only in which of these they choose and how caches may keep them.
 * Every image answer forbids running it as a page of its own (a crafted SVG or HTML, say).
 */
public final class PictureAnswers {

    private final PictureRenders renders;

    public PictureAnswers(PictureRenders renders) {
        this.renders = renders;
    }

    /** The stored bytes, under the picture's version. */
    public Answer stored(Request request, StoredPicture picture, String cacheControl) {
        String tag = EntityTags.of(picture.version());
        return notModified(request, tag) ? validators(Answer.of(304), tag, cacheControl)
                : validators(image(picture.mediaType(), picture.image()), tag, cacheControl);
    }

    /** The rendering {@code variant} asks for; fails with 406 when the stored picture cannot be rendered. */
    public CompletableFuture<Answer> rendered(Request request, StoredPicture picture, PictureVariant variant,
            String cacheControl) {
        String tag = EntityTags.of(picture.version(), variant.tagSuffix());
        if (notModified(request, tag)) {
            return CompletableFuture.completedFuture(validators(Answer.of(304), tag, cacheControl));
        }
        return Futures.then(renders.render(picture, variant), (rendered, error) -> {
            if (error instanceof InvalidProfileException unrenderable) {
                throw HttpProblem.notAcceptable("the stored picture cannot be rendered (" + unrenderable.getMessage()
                        + "); ask for format=original for its bytes");
            }
            return error != null ? CompletableFuture.failedFuture(error) : CompletableFuture.completedFuture(
                    validators(image(rendered.mediaType(), rendered.bytes()), tag, cacheControl));
        });
    }

    /** The default avatar of a profile without a picture, under the profile's version. */
    public CompletableFuture<Answer> avatar(Request request, StoredProfile profile, DefaultAvatars.Style style,
            int size, Encoding encoding, String cacheControl) {
        String tag = EntityTags.of(profile.version(), style.name().toLowerCase(Locale.ROOT) + "-s" + size + "-"
                + encoding.name().toLowerCase(Locale.ROOT));
        if (notModified(request, tag)) {
            return CompletableFuture.completedFuture(validators(Answer.of(304), tag, cacheControl));
        }
        return renders.avatar(profile, style, size, encoding).thenApply(avatar ->
                validators(image(avatar.mediaType(), avatar.bytes()), tag, cacheControl));
    }

    /** Image bytes, which may never run as a page of their own. */
    public static Answer image(String mediaType, byte[] bytes) {
        return Answer.of(200, mediaType, bytes).header("Content-Security-Policy", "default-src 'none'");
    }

    private static boolean notModified(Request request, String tag) {
        return EntityTags.noneMatchMatches(request.header("If-None-Match"), tag);
    }

    private static Answer validators(Answer answer, String tag, String cacheControl) {
        return answer.header("ETag", tag).header("Cache-Control", cacheControl);
    }
}
