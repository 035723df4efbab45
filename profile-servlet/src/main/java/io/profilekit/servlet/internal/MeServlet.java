package io.profilekit.servlet.internal;

import io.profilekit.core.FieldVisibility;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.servlet.auth.Person;
import io.profilekit.servlet.internal.access.AccessRules;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.pictures.ProfilePictureResource;
import io.profilekit.servlet.internal.profiles.ProfileResource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code /api/v1/me} and {@code /api/v1/me/picture}: the signed-in person's own profile, found
 * by the username their token names, whole, and its picture. They create it once (POST, its
 * {@code user_id} theirs), then read, replace, patch and delete it; its read-only fields stay
 * as services set them. Only people reach this servlet (the access filter refuses services).
 */
public final class MeServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    private final transient ProfileRepository repository;
    private final transient ProfileResource profiles;
    private final transient ProfilePictureResource pictures;
    private final transient FieldVisibility visibility;

    public MeServlet(ProfileRepository repository, ProfileResource profiles, ProfilePictureResource pictures,
            FieldVisibility visibility) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.pictures = Objects.requireNonNull(pictures, "pictures");
        this.visibility = Objects.requireNonNull(visibility, "visibility");
    }

    @Override
    protected void handle(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Person person = AccessRules.person(request)
                .orElseThrow(() -> new IllegalStateException("the access filter lets only people through"));
        String method = request.getMethod();
        String me = request.getContextPath() + Route.ME.template();
        if (route == Route.ME && method.equals("POST")) {
            create(request, response, person, me);
            return;
        }
        StoredProfile own = repository.findByUsername(person.username()).orElseThrow(() -> new ProfileNotFoundException(
                "you have no profile yet; create it with POST " + Route.ME.template()
                        + " (its user_id is the one your token names)"));
        long id = own.recordId();
        if (route == Route.ME_PICTURE) {
            pictures.handle(method, id, request, response, request.getContextPath() + Route.ME_PICTURE.template());
            return;
        }
        switch (method) {
            case "GET", "HEAD" -> profiles.read(request, response, own, false);
            case "PUT" -> profiles.replace(request, response, id, true);
            case "PATCH" -> profiles.patch(request, response, id, true);
            default -> profiles.delete(request, response, id);
        }
    }

    private void create(HttpServletRequest request, HttpServletResponse response, Person person, String me)
            throws IOException {
        Profile body = profiles.body(request);
        Profile profile = body.userId() == null ? body.toBuilder().userId(person.username()).build() : body;
        visibility.checkOwnChange(Profile.builder().userId(person.username()).build(), profile);
        try {
            profiles.create(request, response, profile, me);
        } catch (ProfileConflictException usernameTaken) {
            // the only conflict possible: the record id is the store's to choose
            throw new ProfileConflictException("you have a profile already; change it with PUT or PATCH " + me,
                    usernameTaken);
        }
    }
}
