package io.profilekit.servlet.internal.pictures;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.pictures.DefaultAvatars;
import io.profilekit.core.pictures.ImageInspector;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.BodyReads;
import io.profilekit.servlet.internal.http.EntityTags;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.JsonAnswers;
import io.profilekit.servlet.internal.http.Request;
import io.profilekit.servlet.internal.parameters.PictureVariant;
import io.profilekit.servlet.internal.parameters.QueryString;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code /api/v1/profiles/{id}/picture} and {@code /api/v1/me/picture}: the image (or its JSON
 * document for {@code Accept: application/json}), or a rendering of it ({@link PictureVariant}),
 * each with its own ETag; for a profile without one, a 404, or the default avatar that
 * {@code default} asks for; a new image, checked by its magic bytes, size and dimensions (on the
 * API's worker threads) before it is stored; removal.
 */
public final class ProfilePictureResource {

    private final AsyncProfileRepository repository;
    private final BodyReads bodies;
    private final int maxPictureBytes;
    private final int maxPictureSide;
    private final PictureAnswers answers;
    private final PictureRenders renders;
    private final Executor workers;

    public ProfilePictureResource(AsyncProfileRepository repository, BodyReads bodies, int maxPictureBytes,
            int maxPictureSide, PictureRenders renders, Executor workers) {
        this.repository = repository;
        this.bodies = bodies;
        this.maxPictureBytes = maxPictureBytes;
        this.maxPictureSide = maxPictureSide;
        this.answers = new PictureAnswers(renders);
        this.renders = renders;
        this.workers = workers;
    }

    /**
     * Answers the request's method on the picture of profile {@code id}, reached at
     * {@code location} (the {@code Location} of a new picture).
     */
    public CompletableFuture<Answer> handle(Request request, long id, String location) {
        return switch (request.method()) {
            case "GET", "HEAD" -> read(request, id);
            case "PUT" -> put(request, id, location);
            default -> repository.deletePicture(id).thenApply(deleted -> {
                renders.forget(id);
                return Answer.of(204);
            });
        };
    }

    private CompletableFuture<Answer> read(Request request, long id) {
        Map<String, String[]> query = QueryString.parse(request.query());
        String size = QueryString.first(query, "size");
        String format = QueryString.first(query, "format");
        Optional<DefaultAvatars.Style> fallback = PictureVariant.defaultAvatar(QueryString.first(query, "default"),
                Optional.empty());
        return repository.findById(id).thenCompose(found -> {
            StoredProfile profile = found.orElseThrow(() -> ProfileNotFoundException.noProfile(id));
            Long pictureId = profile.profile().picture();
            CompletableFuture<Optional<StoredPicture>> picture = pictureId == null
                    ? CompletableFuture.completedFuture(Optional.empty()) : repository.findPicture(pictureId);
            return picture.thenCompose(stored -> answer(request, profile, stored.orElse(null), size, format, fallback));
        }).thenApply(answer -> answer.addHeader("Vary", "Accept"));
    }

    private CompletableFuture<Answer> answer(Request request, StoredProfile profile, StoredPicture picture, String size,
            String format, Optional<DefaultAvatars.Style> fallback) {
        if (picture == null) {
            DefaultAvatars.Style style = fallback.orElseThrow(() -> ProfileNotFoundException.noPicture(
                    profile.recordId()));
            return answers.avatar(request, profile, style, PictureVariant.avatarSide(size),
                    PictureVariant.avatarEncoding(format), EntityTags.REVALIDATE);
        }
        String accept = request.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            String tag = EntityTags.of(picture.version());
            return CompletableFuture.completedFuture(
                    EntityTags.noneMatchMatches(request.header("If-None-Match"), tag) ? EntityTags.notModified(tag)
                            : EntityTags.withValidators(JsonAnswers.document(200, picture), tag));
        }
        Optional<PictureVariant> variant = PictureVariant.of(size, format, accept, picture.format());
        return variant.isEmpty()
                ? CompletableFuture.completedFuture(answers.stored(request, picture, EntityTags.REVALIDATE))
                : answers.rendered(request, picture, variant.get(), EntityTags.REVALIDATE);
    }

    private CompletableFuture<Answer> put(Request request, long id, String location) {
        if (request.contentLength() > maxPictureBytes) {
            throw HttpProblem.tooLarge("the picture", maxPictureBytes);
        }
        return repository.findById(id).thenCompose(found -> {
            StoredProfile profile = found.orElseThrow(() -> ProfileNotFoundException.noProfile(id));
            boolean replacing = profile.profile().picture() != null;
            return bodies.read(request, "the picture", maxPictureBytes)
                    .thenApplyAsync(this::checked, workers)
                    .thenCompose(picture -> repository.putPicture(id, picture))
                    .thenApply(stored -> {
                        Answer answer = Answer.of(replacing ? 204 : 201).header("ETag", EntityTags.of(stored.version()));
                        return replacing ? answer : answer.header("Location", location);
                    });
        });
    }

    /** The upload as a picture, once its header and pixels were checked. */
    private ProfilePicture checked(byte[] bytes) {
        if (bytes.length == 0) {
            throw HttpProblem.badRequest("the picture is empty: send the image's bytes as the body");
        }
        ProfilePicture picture = ProfilePicture.of(bytes);
        ImageInspector.check(picture, maxPictureSide);
        return picture;
    }
}
