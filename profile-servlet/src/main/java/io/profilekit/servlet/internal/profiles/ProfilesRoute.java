package io.profilekit.servlet.internal.profiles;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfileQuery;
import io.profilekit.servlet.internal.access.AccessPolicy;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Request;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.http.RouteHandler;
import io.profilekit.servlet.internal.parameters.ListingParameters;
import io.profilekit.servlet.internal.parameters.PathParameters;
import io.profilekit.servlet.internal.parameters.QueryString;
import io.profilekit.servlet.internal.pictures.PictureLinks;
import io.profilekit.servlet.internal.pictures.ProfilePictureResource;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The resource API under {@code /api/v1/profiles}: the collection (list, create), a profile
 * ({@link ProfileResource}) and its picture ({@link ProfilePictureResource}). People see public
 * views; the access policy has already refused what they may not do.
 */
public final class ProfilesRoute implements RouteHandler {

    private final AsyncProfileRepository repository;
    private final ProfileResource profiles;
    private final ProfilePictureResource pictures;
    private final ProfileItems items;
    private final AccessPolicy access;

    public ProfilesRoute(AsyncProfileRepository repository, ProfileResource profiles, ProfilePictureResource pictures,
            PictureLinks links, AccessPolicy access) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.pictures = Objects.requireNonNull(pictures, "pictures");
        this.items = new ProfileItems(links, access);
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public CompletableFuture<Answer> handle(Call call) {
        Request request = call.request();
        String collection = request.mountPath() + Route.PROFILES.template();
        if (call.route() == Route.PROFILES) {
            return call.method().equals("POST")
                    ? profiles.body(request).thenCompose(profile -> profiles.create(call, profile, collection + "/{id}"))
                    : list(call, collection);
        }
        long id = recordId(call);
        if (call.route() == Route.PROFILE_PICTURE) {
            return pictures.handle(request, id, collection + "/" + id + "/picture");
        }
        return switch (call.method()) {
            case "GET", "HEAD" -> repository.findById(id).thenCompose(found -> profiles.read(call,
                    found.orElseThrow(() -> ProfileNotFoundException.noProfile(id))));
            case "PUT" -> profiles.replace(call, id);
            case "PATCH" -> profiles.patch(call, id);
            default -> profiles.delete(call, id);
        };
    }

    /** The record id in {@code /api/v1/profiles/{id}[/picture]}. */
    private static long recordId(Call call) {
        String rest = call.route().rest(call.request().path());
        int end = rest.indexOf('/', 1);
        String segment = rest.substring(1, end < 0 ? rest.length() : end);
        OptionalLong id = PathParameters.recordId(segment);
        if (id.isEmpty()) {
            throw HttpProblem.notFound("'" + segment + "' is no record id: record ids are positive whole numbers");
        }
        return id.getAsLong();
    }

    private CompletableFuture<Answer> list(Call call, String collection) {
        ProfileQuery query = ListingParameters.parse(QueryString.parse(call.request().query()));
        access.checkFilters(query, call.caller());
        return repository.list(query).thenCompose(page -> items.page(call, page.items(), page.next().isPresent()
                ? ListingParameters.nextPage(collection, query, page.next().getAsLong())
                : null));
    }
}
