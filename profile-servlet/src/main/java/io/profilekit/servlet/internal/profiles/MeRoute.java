package io.profilekit.servlet.internal.profiles;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.internal.Futures;
import io.profilekit.servlet.auth.Person;
import io.profilekit.servlet.internal.access.AccessPolicy;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.http.RouteHandler;
import io.profilekit.servlet.internal.pictures.ProfilePictureResource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/v1/me} and {@code /api/v1/me/picture}: the signed-in person's own profile, found
 * by the username their token names, whole, and its picture. They create it once (POST, its
 * {@code user_id} theirs), then read, replace, patch and delete it; its read-only fields stay
 * as services set them; {@code /api/v1/me/export} gives them all of it in one download
 * ({@link OwnData}). Only people reach it (the access policy refuses services).
 */
public final class MeRoute implements RouteHandler {

    private final AsyncProfileRepository repository;
    private final ProfileResource profiles;
    private final ProfilePictureResource pictures;
    private final AccessPolicy access;

    public MeRoute(AsyncProfileRepository repository, ProfileResource profiles, ProfilePictureResource pictures,
            AccessPolicy access) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.pictures = Objects.requireNonNull(pictures, "pictures");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public CompletableFuture<Answer> handle(Call call) {
        Person person = (Person) call.caller();
        String me = call.request().mountPath() + Route.ME.template();
        if (call.route() == Route.ME && call.method().equals("POST")) {
            return create(call, person, me);
        }
        return repository.findByUsername(person.username()).thenCompose(found -> {
            long id = found.orElseThrow(() -> new ProfileNotFoundException("you have no profile yet; create it with"
                    + " POST " + Route.ME.template() + " (its user_id is the one your token names)")).recordId();
            if (call.route() == Route.ME_EXPORT) {
                return OwnData.export(repository, found.get());
            }
            if (call.route() == Route.ME_PICTURE) {
                return pictures.handle(call.request(), id, call.request().mountPath() + Route.ME_PICTURE.template());
            }
            return switch (call.method()) {
                case "GET", "HEAD" -> profiles.read(call, found.get());
                case "PUT" -> profiles.replace(call, id);
                case "PATCH" -> profiles.patch(call, id);
                default -> profiles.delete(call, id);
            };
        });
    }

    private CompletableFuture<Answer> create(Call call, Person person, String me) {
        return profiles.body(call.request()).thenCompose(body -> Futures.then(
                profiles.create(call, access.ownNewProfile(person, body), me), (created, error) -> {
                    if (error instanceof ProfileConflictException usernameTaken) {
                        // the only conflict possible: the record id is the store's to choose
                        throw new ProfileConflictException("you have a profile already; change it with PUT or PATCH "
                                + me, usernameTaken);
                    }
                    return error == null ? CompletableFuture.completedFuture(created)
                            : CompletableFuture.failedFuture(error);
                }));
    }
}
