package io.profilekit.servlet.internal.pictures;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.pictures.DefaultAvatars;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.Request;
import io.profilekit.servlet.internal.http.RouteHandler;
import io.profilekit.servlet.internal.parameters.PathParameters;
import io.profilekit.servlet.internal.parameters.PictureVariant;
import io.profilekit.servlet.internal.parameters.QueryString;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /pictures/{id}}, the {@code picture_url} of a profile, which an {@code <img>} loads
 * without any header: the URL is checked first ({@link PictureLinks}), then the profile's picture
 * is answered re-encoded ({@link PictureVariant#reencoded}), or, for a profile without one, the
 * default avatar {@code default} asks for (a silhouette unless it says otherwise).
 */
public final class PictureLinkRoute implements RouteHandler {

    private final AsyncProfileRepository repository;
    private final PictureLinks links;
    private final PictureAnswers answers;

    public PictureLinkRoute(AsyncProfileRepository repository, PictureLinks links, PictureRenders renders) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.links = Objects.requireNonNull(links, "links");
        this.answers = new PictureAnswers(renders);
    }

    @Override
    public CompletableFuture<Answer> handle(Call call) {
        Request request = call.request();
        OptionalLong parsed = PathParameters.segment(call.route().rest(request.path()))
                .map(PathParameters::recordId).orElse(OptionalLong.empty());
        if (parsed.isEmpty()) {
            throw links.refusedPath();
        }
        long id = parsed.getAsLong();
        Map<String, String[]> query = QueryString.parse(request.query());
        return links.ready().thenCompose(ready -> {
            String cacheControl = links.check(id, QueryString.first(query, "v"), QueryString.first(query, "exp"),
                    QueryString.first(query, "sig"));
            String size = QueryString.first(query, "size");
            String format = QueryString.first(query, "format");
            Optional<DefaultAvatars.Style> fallback = PictureVariant.defaultAvatar(QueryString.first(query, "default"),
                    Optional.of(DefaultAvatars.Style.SILHOUETTE));
            return repository.findById(id).thenCompose(found -> {
                StoredProfile profile = found.orElseThrow(() -> ProfileNotFoundException.noProfile(id));
                Long pictureId = profile.profile().picture();
                CompletableFuture<Optional<StoredPicture>> picture = pictureId == null
                        ? CompletableFuture.completedFuture(Optional.empty()) : repository.findPicture(pictureId);
                return picture.thenCompose(stored -> {
                    if (stored.isEmpty()) {
                        DefaultAvatars.Style style = fallback.orElseThrow(() -> ProfileNotFoundException.noPicture(id));
                        return answers.avatar(request, profile, style, PictureVariant.avatarSide(size),
                                PictureVariant.avatarEncoding(format), cacheControl);
                    }
                    Optional<PictureVariant> variant = PictureVariant.reencoded(size, format,
                            request.header("Accept"), stored.get().format());
                    return variant.isEmpty()
                            ? CompletableFuture.completedFuture(answers.stored(request, stored.get(), cacheControl))
                            : answers.rendered(request, stored.get(), variant.get(), cacheControl);
                });
            });
        }).thenApply(answer -> answer.addHeader("Vary", "Accept"));
    }
}
