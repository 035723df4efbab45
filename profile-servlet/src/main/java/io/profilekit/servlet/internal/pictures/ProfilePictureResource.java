package io.profilekit.servlet.internal.pictures;

import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.pictures.DefaultAvatars;
import io.profilekit.core.pictures.ImageInspector;
import io.profilekit.servlet.internal.http.EntityTags;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.JsonResponses;
import io.profilekit.servlet.internal.http.PictureVariant;
import io.profilekit.servlet.internal.http.QueryString;
import io.profilekit.servlet.internal.http.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/profiles/{id}/picture} and {@code /api/v1/me/picture}: the image (or its JSON
 * document for {@code Accept: application/json}), or a rendering of it ({@link PictureVariant}),
 * each with its own ETag; for a profile without one, a 404, or the default avatar that
 * {@code default} asks for; a new image, checked by its magic bytes, size and dimensions
 * before it is stored; removal.
 */
public final class ProfilePictureResource {

    private final ProfileRepository repository;
    private final RequestBodies bodies;
    private final int maxPictureBytes;
    private final int maxPictureSide;
    private final PictureAnswers answers;

    public ProfilePictureResource(ProfileRepository repository, RequestBodies bodies, int maxPictureBytes,
            int maxPictureSide, PictureRenders renders) {
        this.repository = repository;
        this.bodies = bodies;
        this.maxPictureBytes = maxPictureBytes;
        this.maxPictureSide = maxPictureSide;
        this.answers = new PictureAnswers(renders);
    }

    /**
     * Answers {@code method} on the picture of profile {@code id}, reached at {@code location}
     * (the {@code Location} of a new picture).
     */
    public void handle(String method, long id, HttpServletRequest request, HttpServletResponse response,
            String location) throws IOException {
        switch (method) {
            case "GET", "HEAD" -> read(request, response, id);
            case "PUT" -> put(request, response, id, location);
            default -> {
                repository.deletePicture(id);
                response.setStatus(204);
            }
        }
    }

    private void read(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        Map<String, String[]> query = QueryString.parse(request.getQueryString());
        String size = QueryString.first(query, "size");
        String format = QueryString.first(query, "format");
        Optional<DefaultAvatars.Style> fallback = PictureVariant.defaultAvatar(QueryString.first(query, "default"),
                Optional.empty());
        StoredProfile profile = repository.findById(id).orElseThrow(() -> ProfileNotFoundException.noProfile(id));
        Long pictureId = profile.profile().picture();
        StoredPicture picture = (pictureId == null ? null : repository.findPicture(pictureId).orElse(null));
        response.addHeader("Vary", "Accept");
        String accept = request.getHeader("Accept");
        if (picture == null) {
            DefaultAvatars.Style style = fallback.orElseThrow(() -> ProfileNotFoundException.noPicture(id));
            answers.avatar(request, response, profile, style, PictureVariant.avatarSide(size),
                    PictureVariant.avatarEncoding(format), EntityTags.REVALIDATE);
            return;
        }
        if (accept != null && accept.contains("application/json")) {
            if (!EntityTags.noneMatchMatches(request.getHeader("If-None-Match"), picture.version())) {
                EntityTags.setValidators(response, picture.version());
                JsonResponses.document(response, 200, picture);
            } else {
                EntityTags.notModified(response, picture.version());
            }
            return;
        }
        Optional<PictureVariant> variant = PictureVariant.of(size, format, accept, picture.format());
        if (variant.isEmpty()) {
            answers.stored(request, response, picture, EntityTags.REVALIDATE);
        } else {
            answers.rendered(request, response, picture, variant.get(), EntityTags.REVALIDATE);
        }
    }

    private void put(HttpServletRequest request, HttpServletResponse response, long id, String location)
            throws IOException {
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
            response.setHeader("Location", location);
            response.setStatus(201);
        }
    }
}
