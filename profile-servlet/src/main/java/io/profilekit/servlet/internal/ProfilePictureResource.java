package io.profilekit.servlet.internal;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.pictures.ImageInspector;
import io.profilekit.core.pictures.PictureRenderer;
import io.profilekit.servlet.internal.http.EntityTags;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.JsonResponses;
import io.profilekit.servlet.internal.http.PictureResponses;
import io.profilekit.servlet.internal.http.PictureVariant;
import io.profilekit.servlet.internal.http.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /api/v1/profiles/{id}/picture} for {@link ProfilesServlet}: the image (or its JSON
 * document for {@code Accept: application/json}), or a rendering of it ({@link PictureVariant}),
 * each with its own ETag; a new image, checked by its magic bytes, size and dimensions before
 * it is stored; removal.
 */
final class ProfilePictureResource {

    private final ProfileRepository repository;
    private final RequestBodies bodies;
    private final int maxPictureBytes;
    private final int maxPictureSide;
    private final PictureRenders renders;

    ProfilePictureResource(ProfileRepository repository, RequestBodies bodies, int maxPictureBytes,
            int maxPictureSide, PictureRenders renders) {
        this.repository = repository;
        this.bodies = bodies;
        this.maxPictureBytes = maxPictureBytes;
        this.maxPictureSide = maxPictureSide;
        this.renders = renders;
    }

    void handle(String method, long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (method) {
            case "GET", "HEAD" -> read(request, response, id);
            case "PUT" -> put(request, response, id);
            default -> {
                repository.deletePicture(id);
                response.setStatus(204);
            }
        }
    }

    private void read(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        StoredProfile profile = repository.findById(id).orElseThrow(() -> ProfileNotFoundException.noProfile(id));
        Long pictureId = profile.profile().picture();
        StoredPicture picture = (pictureId == null ? null : repository.findPicture(pictureId).orElse(null));
        if (picture == null) {
            throw ProfileNotFoundException.noPicture(id);
        }
        response.setHeader("Vary", "Accept");
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            answerStored(request, response, picture, () -> JsonResponses.document(response, 200, picture));
            return;
        }
        Optional<PictureVariant> variant = PictureVariant.of(request.getParameter("size"),
                request.getParameter("format"), accept, picture.format());
        if (variant.isEmpty()) {
            answerStored(request, response, picture, () -> PictureResponses.writeImage(response, picture));
            return;
        }
        String tag = EntityTags.of(picture.version(), variant.get().tagSuffix());
        if (EntityTags.noneMatchMatches(request.getHeader("If-None-Match"), tag)) {
            EntityTags.notModified(response, tag);
            return;
        }
        PictureRenderer.Rendered rendered;
        try {
            rendered = renders.render(picture, variant.get());
        } catch (InvalidProfileException unrenderable) {
            throw HttpProblem.notAcceptable("the stored picture cannot be rendered (" + unrenderable.getMessage()
                    + "); ask for format=original for its bytes");
        }
        EntityTags.setValidators(response, tag);
        PictureResponses.writeRendered(response, rendered.mediaType(), rendered.bytes());
    }

    private interface Answer {
        void write() throws IOException;
    }

    /** The stored picture, as bytes or its document, under the picture's own version. */
    private static void answerStored(HttpServletRequest request, HttpServletResponse response, StoredPicture picture,
            Answer answer) throws IOException {
        if (EntityTags.noneMatchMatches(request.getHeader("If-None-Match"), picture.version())) {
            EntityTags.notModified(response, picture.version());
            return;
        }
        EntityTags.setValidators(response, picture.version());
        answer.write();
    }

    private void put(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        RequestBodies.refuseDeclaredOver(request, "the picture", maxPictureBytes);
        StoredProfile profile = repository.findById(id).orElseThrow(() -> ProfileNotFoundException.noProfile(id));
        byte[] bytes = bodies.read(request, "the picture", maxPictureBytes);
        if (bytes.length == 0) {
            throw HttpProblem.badRequest("the picture is empty: send the image's bytes as the body");
        }
        ProfilePicture picture = ProfilePicture.of(bytes);
        ImageInspector.check(picture, maxPictureSide);
        boolean replacing = profile.profile().picture() != null;
        StoredPicture stored = repository.putPicture(id, picture);
        response.setHeader("ETag", EntityTags.of(stored.version()));
        if (replacing) {
            response.setStatus(204);
        } else {
            response.setHeader("Location", ProfilesServlet.profilesUrl(request) + "/" + id + "/picture");
            response.setStatus(201);
        }
    }
}
