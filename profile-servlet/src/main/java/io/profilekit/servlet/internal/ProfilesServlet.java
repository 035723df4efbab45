package io.profilekit.servlet.internal;

import io.profilekit.core.Page;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.servlet.internal.access.AccessRules;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.JsonResponses;
import io.profilekit.servlet.internal.http.ListingParameters;
import io.profilekit.servlet.internal.http.PathParameters;
import io.profilekit.servlet.internal.http.QueryString;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.pictures.PictureLinks;
import io.profilekit.servlet.internal.pictures.ProfilePictureResource;
import io.profilekit.servlet.internal.profiles.ProfileResource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The resource API under {@code /api/v1/profiles}: the collection (list, create), a profile
 * ({@link ProfileResource}) and its picture ({@link ProfilePictureResource}). People see public
 * views ({@link AccessRules}); the access filter has already refused what they may not do.
 */
public final class ProfilesServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    private final transient ProfileRepository repository;
    private final transient ProfileResource profiles;
    private final transient ProfilePictureResource pictures;
    private final transient PictureLinks links;
    private final transient AccessRules rules;

    public ProfilesServlet(ProfileRepository repository, ProfileResource profiles, ProfilePictureResource pictures,
            PictureLinks links, AccessRules rules) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.pictures = Objects.requireNonNull(pictures, "pictures");
        this.links = Objects.requireNonNull(links, "links");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    protected void handle(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (route == Route.PROFILES) {
            if (method.equals("POST")) {
                profiles.create(request, response, profiles.body(request), profilesUrl(request) + "/{id}");
            } else {
                list(request, response);
            }
            return;
        }
        long id = recordId(request);
        if (route == Route.PROFILE_PICTURE) {
            pictures.handle(method, id, request, response, profilesUrl(request) + "/" + id + "/picture");
            return;
        }
        switch (method) {
            case "GET", "HEAD" -> profiles.read(request, response,
                    repository.findById(id).orElseThrow(() -> ProfileNotFoundException.noProfile(id)),
                    rules.seesPublicViews(request));
            case "PUT" -> profiles.replace(request, response, id, false);
            case "PATCH" -> profiles.patch(request, response, id, false);
            default -> profiles.delete(request, response, id);
        }
    }

    /** The record id in {@code /api/v1/profiles/{id}[/picture]}. */
    private static long recordId(HttpServletRequest request) {
        String path = request.getPathInfo();
        int end = path.indexOf('/', 1);
        String segment = path.substring(1, end < 0 ? path.length() : end);
        OptionalLong id = PathParameters.recordId(segment);
        if (id.isEmpty()) {
            throw HttpProblem.notFound("'" + segment + "' is no record id: record ids are positive whole numbers");
        }
        return id.getAsLong();
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProfileQuery query = ListingParameters.parse(QueryString.parse(request.getQueryString()));
        rules.checkFilters(query, request);
        Page<StoredProfile> page = repository.list(query);
        String next = page.next().isPresent()
                ? ListingParameters.nextPage(profilesUrl(request), query, page.next().getAsLong())
                : null;
        long expiresAt = links.expiresAt();
        List<StoredProfile> items = page.items().stream().map(stored -> rules.view(request, stored)).toList();
        boolean withUrls = !rules.seesPublicViews(request) || rules.visibility().isPublic(PictureLinks.FIELD);
        JsonResponses.page(response, items, next, withUrls ? PictureLinks.FIELD : null,
                profile -> links.url(request, profile, expiresAt));
    }

    static String profilesUrl(HttpServletRequest request) {
        return request.getContextPath() + Route.PROFILES.template();
    }
}
