package io.profilekit.servlet.internal;

import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.pictures.DefaultAvatars;
import io.profilekit.servlet.internal.http.PathParameters;
import io.profilekit.servlet.internal.http.PictureVariant;
import io.profilekit.servlet.internal.http.QueryString;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.pictures.PictureAnswers;
import io.profilekit.servlet.internal.pictures.PictureLinks;
import io.profilekit.servlet.internal.pictures.PictureRenders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET /pictures/{id}}, the {@code picture_url} of a profile, which an {@code <img>} loads
 * without any header: the URL is checked first ({@link PictureLinks}), then the profile's picture
 * is answered re-encoded ({@link PictureVariant#reencoded}), or, for a profile without one, the
 * default avatar {@code default} asks for (a silhouette unless it says otherwise).
 */
public final class PictureLinkServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    private final transient ProfileRepository repository;
    private final transient PictureLinks links;
    private final transient PictureAnswers answers;

    public PictureLinkServlet(ProfileRepository repository, PictureLinks links, PictureRenders renders) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.links = Objects.requireNonNull(links, "links");
        this.answers = new PictureAnswers(renders);
    }

    @Override
    protected void handle(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        OptionalLong parsed = PathParameters.segment(request.getPathInfo()).map(PathParameters::recordId)
                .orElse(OptionalLong.empty());
        if (parsed.isEmpty()) {
            throw links.refusedPath();
        }
        long id = parsed.getAsLong();
        Map<String, String[]> query = QueryString.parse(request.getQueryString());
        String cacheControl = links.check(id, QueryString.first(query, "v"), QueryString.first(query, "exp"),
                QueryString.first(query, "sig"));
        String size = QueryString.first(query, "size");
        String format = QueryString.first(query, "format");
        Optional<DefaultAvatars.Style> fallback = PictureVariant.defaultAvatar(QueryString.first(query, "default"),
                Optional.of(DefaultAvatars.Style.SILHOUETTE));

        StoredProfile profile = repository.findById(id).orElseThrow(() -> ProfileNotFoundException.noProfile(id));
        Long pictureId = profile.profile().picture();
        Optional<StoredPicture> picture = pictureId == null ? Optional.empty() : repository.findPicture(pictureId);
        response.addHeader("Vary", "Accept");
        if (picture.isEmpty()) {
            DefaultAvatars.Style style = fallback.orElseThrow(() -> ProfileNotFoundException.noPicture(id));
            answers.avatar(request, response, profile, style, PictureVariant.avatarSide(size),
                    PictureVariant.avatarEncoding(format), cacheControl);
            return;
        }
        Optional<PictureVariant> variant = PictureVariant.reencoded(size, format, request.getHeader("Accept"),
                picture.get().format());
        if (variant.isEmpty()) {
            answers.stored(request, response, picture.get(), cacheControl);
        } else {
            answers.rendered(request, response, picture.get(), variant.get(), cacheControl);
        }
    }
}
