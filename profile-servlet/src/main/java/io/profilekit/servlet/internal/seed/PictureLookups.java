package io.profilekit.servlet.internal.seed;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.internal.Futures;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.ErrorAnswers;
import io.profilekit.servlet.internal.http.JsonAnswers;
import io.profilekit.servlet.internal.parameters.PathParameters;
import io.profilekit.servlet.internal.parameters.PictureVariant;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.http.RouteHandler;
import io.profilekit.servlet.internal.pictures.PictureAnswers;
import io.profilekit.servlet.internal.pictures.PictureRenders;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The seed's picture routes: {@code GET /api/v1/picture/record/{id}} answers the image document
 * in a JSON array; {@code /picture/raw/{id}} answers the image bytes with the media type their
 * magic bytes show, whatever the stored label says. A JPEG 2000 picture, which browsers do not
 * show, is rendered as PNG or JPEG unless the request's {@code Accept} names its type (or the
 * stored bytes cannot be decoded, when they are answered as the seed answered them).
 */
public final class PictureLookups implements RouteHandler {

    private final AsyncProfileRepository repository;
    private final PictureRenders renders;

    public PictureLookups(AsyncProfileRepository repository, PictureRenders renders) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.renders = Objects.requireNonNull(renders, "renders");
    }

    @Override
    public CompletableFuture<Answer> handle(Call call) {
        OptionalLong id = PathParameters.segment(call.route().rest(call.request().path()))
                .map(PathParameters::recordId)
                .orElse(OptionalLong.empty());
        CompletableFuture<Optional<StoredPicture>> found = id.isPresent()
                ? repository.findPicture(id.getAsLong())
                : CompletableFuture.completedFuture(Optional.empty());
        return found.thenCompose(picture -> {
            if (picture.isEmpty()) {
                return CompletableFuture.completedFuture(ErrorAnswers.seed(404));
            }
            if (call.route() == Route.PICTURE_RECORD) {
                return CompletableFuture.completedFuture(JsonAnswers.array(List.of(picture.get())));
            }
            return image(call, picture.get()).thenApply(answer -> answer.addHeader("Vary", "Accept"));
        });
    }

    private CompletableFuture<Answer> image(Call call, StoredPicture picture) {
        Optional<PictureVariant> variant = PictureVariant.of(null, null, call.request().header("Accept"),
                picture.format());
        if (variant.isEmpty()) {
            return CompletableFuture.completedFuture(PictureAnswers.image(picture.mediaType(), picture.image()));
        }
        return Futures.then(renders.render(picture, variant.get()), (rendered, error) -> {
            if (error instanceof InvalidProfileException) {
                // a picture that cannot be decoded is answered as stored, as the seed did
                return CompletableFuture.completedFuture(PictureAnswers.image(picture.mediaType(), picture.image()));
            }
            return error != null ? CompletableFuture.failedFuture(error)
                    : CompletableFuture.completedFuture(PictureAnswers.image(rendered.mediaType(), rendered.bytes()));
        });
    }
}
