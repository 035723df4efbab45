package io.profilekit.servlet.internal;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.pictures.PictureRenderer;
import io.profilekit.servlet.internal.http.ErrorResponses;
import io.profilekit.servlet.internal.http.JsonResponses;
import io.profilekit.servlet.internal.http.PathParameters;
import io.profilekit.servlet.internal.http.PictureResponses;
import io.profilekit.servlet.internal.http.PictureVariant;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.pictures.PictureRenders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The seed's picture routes: {@code GET /api/v1/picture/record/{id}} answers the image document
 * in a JSON array; {@code /picture/raw/{id}} answers the image bytes with the media type their
 * magic bytes show, whatever the stored label says. A JPEG 2000 picture, which browsers do not
 * show, is rendered as PNG or JPEG unless the request's {@code Accept} names its type (or the
 * stored bytes cannot be decoded, when they are answered as the seed answered them).
 */
public final class PictureLookupServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    private final transient ProfileRepository repository;
    private final transient PictureRenders renders;

    public PictureLookupServlet(ProfileRepository repository, PictureRenders renders) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.renders = Objects.requireNonNull(renders, "renders");
    }

    @Override
    protected void handle(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        OptionalLong id = PathParameters.segment(request.getPathInfo())
                .map(PathParameters::recordId)
                .orElse(OptionalLong.empty());
        Optional<StoredPicture> found = id.isPresent()
                ? repository.findPicture(id.getAsLong())
                : Optional.empty();
        if (found.isEmpty()) {
            ErrorResponses.seed(response, 404);
        } else if (route == Route.PICTURE_RECORD) {
            JsonResponses.array(response, List.of(found.get()));
        } else {
            writeImage(request, response, found.get());
        }
    }

    private void writeImage(HttpServletRequest request, HttpServletResponse response, StoredPicture picture)
            throws IOException {
        response.addHeader("Vary", "Accept");
        Optional<PictureVariant> variant = PictureVariant.of(null, null, request.getHeader("Accept"), picture.format());
        if (variant.isPresent()) {
            try {
                PictureRenderer.Rendered rendered = renders.render(picture, variant.get());
                PictureResponses.writeRendered(response, rendered.mediaType(), rendered.bytes());
                return;
            } catch (InvalidProfileException undecodable) {
                // answered below as stored, as the seed did
            }
        }
        PictureResponses.writeImage(response, picture);
    }
}
