package io.profilekit.servlet.internal.pictures;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.pictures.DefaultAvatars;
import io.profilekit.core.pictures.PictureRenderer.Encoding;
import io.profilekit.core.pictures.PictureRenderer.Rendered;
import io.profilekit.servlet.internal.http.EntityTags;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.PictureResponses;
import io.profilekit.servlet.internal.http.PictureVariant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Answers a picture route with an image under its own entity tag (304 when the request's
 * {@code If-None-Match} has it): the stored bytes, a rendering of them, or a default avatar.
 * The picture routes differ only in which of these they choose and how caches may keep them.
 */
public final class PictureAnswers {

    private final PictureRenders renders;

    public PictureAnswers(PictureRenders renders) {
        this.renders = renders;
    }

    /** The stored bytes, under the picture's version. */
    public void stored(HttpServletRequest request, HttpServletResponse response, StoredPicture picture, String cacheControl)
            throws IOException {
        String tag = EntityTags.of(picture.version());
        if (!notModified(request, response, tag, cacheControl)) {
            validators(response, tag, cacheControl);
            PictureResponses.writeImage(response, picture);
        }
    }

    /**
     * The rendering {@code variant} asks for.
     *
     * @throws HttpProblem 406 when the stored picture cannot be rendered
     */
    public void rendered(HttpServletRequest request, HttpServletResponse response, StoredPicture picture,
            PictureVariant variant, String cacheControl) throws IOException {
        String tag = EntityTags.of(picture.version(), variant.tagSuffix());
        if (notModified(request, response, tag, cacheControl)) {
            return;
        }
        Rendered rendered;
        try {
            rendered = renders.render(picture, variant);
        } catch (InvalidProfileException unrenderable) {
            throw HttpProblem.notAcceptable("the stored picture cannot be rendered (" + unrenderable.getMessage()
                    + "); ask for format=original for its bytes");
        }
        validators(response, tag, cacheControl);
        PictureResponses.writeRendered(response, rendered.mediaType(), rendered.bytes());
    }

    /** The default avatar of a profile without a picture, under the profile's version. */
    public void avatar(HttpServletRequest request, HttpServletResponse response, StoredProfile profile,
            DefaultAvatars.Style style, int size, Encoding encoding, String cacheControl) throws IOException {
        String tag = EntityTags.of(profile.version(), style.name().toLowerCase(Locale.ROOT) + "-s" + size + "-"
                + encoding.name().toLowerCase(Locale.ROOT));
        if (!notModified(request, response, tag, cacheControl)) {
            Rendered avatar = renders.avatar(profile, style, size, encoding);
            validators(response, tag, cacheControl);
            PictureResponses.writeRendered(response, avatar.mediaType(), avatar.bytes());
        }
    }

    /** Answers 304, with the validators, when the request already holds {@code tag}. */
    private static boolean notModified(HttpServletRequest request, HttpServletResponse response, String tag,
            String cacheControl) {
        if (EntityTags.noneMatchMatches(request.getHeader("If-None-Match"), tag)) {
            validators(response, tag, cacheControl);
            response.setStatus(304);
            return true;
        }
        return false;
    }

    private static void validators(HttpServletResponse response, String tag, String cacheControl) {
        response.setHeader("ETag", tag);
        response.setHeader("Cache-Control", cacheControl);
    }
}
