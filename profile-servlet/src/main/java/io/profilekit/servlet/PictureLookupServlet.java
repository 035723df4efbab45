package io.profilekit.servlet;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredPicture;
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
 * magic bytes show, whatever the stored label says.
 */
final class PictureLookupServlet extends ReadOnlyServlet {

    private static final long serialVersionUID = 1L;

    /** Which form of the picture to answer. */
    enum Form { RECORD, RAW }

    private final transient ProfileRepository repository;
    private final Form form;

    PictureLookupServlet(ProfileRepository repository, Form form) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.form = Objects.requireNonNull(form, "form");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OptionalLong id = PathParameters.segment(request.getPathInfo())
                .map(PathParameters::recordId)
                .orElse(OptionalLong.empty());
        Optional<StoredPicture> found = id.isPresent()
                ? repository.findPicture(id.getAsLong())
                : Optional.empty();
        if (found.isEmpty()) {
            ErrorResponses.seed(response, 404);
        } else if (form == Form.RECORD) {
            SeedJson.writeArray(response, List.of(found.get()));
        } else {
            writeImage(response, found.get());
        }
    }

    private static void writeImage(HttpServletResponse response, StoredPicture picture) throws IOException {
        response.setStatus(200);
        response.setContentType(picture.mediaType());
        response.setContentLength(picture.imageLength());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'");
        picture.writeImage(response.getOutputStream());
    }
}
