package io.profilekit.servlet.internal.access;

import io.profilekit.core.FieldVisibility;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.StoredProfile;
import io.profilekit.servlet.auth.Person;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Route;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * What each caller may do on each route. A service (any principal but a {@link Person}) may do
 * everything but {@code /api/v1/me}, which names no one for it. A person may read every profile
 * as its public view ({@link FieldVisibility}), pictures while {@code picture} is public, and
 * look up and list by public fields only (else the answers would reveal hidden values); they
 * read, change and delete their whole own profile and picture through {@code /api/v1/me} and
 * nothing else. Refusals are 403s that say what to do instead.
 */
public final class AccessRules {

    private static final String OWN_PROFILE = Route.ME.template();

    private final FieldVisibility visibility;

    public AccessRules(FieldVisibility visibility) {
        this.visibility = Objects.requireNonNull(visibility, "visibility");
    }

    public FieldVisibility visibility() {
        return visibility;
    }

    /** The person calling, or empty for a service or a route outside {@code /api/}. */
    public static Optional<Person> person(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof Person person ? Optional.of(person) : Optional.empty();
    }

    /**
     * Refuses, with a 403 saying what to do instead, a request its caller may not make; the
     * route allows the request's method.
     */
    public void check(Route route, HttpServletRequest request) {
        boolean own = route == Route.ME || route == Route.ME_PICTURE;
        if (person(request).isEmpty()) {
            if (own) {
                throw HttpProblem.forbidden(OWN_PROFILE + " is a signed-in person's own profile, and a service token"
                        + " names no person; use " + Route.PROFILE.template() + " instead");
            }
            return;
        }
        if (own) {
            return;
        }
        String method = request.getMethod();
        boolean reads = method.equals("GET") || method.equals("HEAD");
        if (!reads) {
            throw HttpProblem.forbidden(route == Route.PROFILES
                    ? "create your own profile with POST " + OWN_PROFILE + "; creating others' needs a service token"
                    : "change your own profile through " + OWN_PROFILE + "; changing others' needs a service token");
        }
        String hidden = switch (route) {
            case PICTURE_RECORD, PICTURE_RAW, PROFILE_PICTURE -> visibility.isPublic("picture") ? null : "picture";
            case PROFILE_BY_USERNAME -> visibility.isPublic("user_id") ? null : "user_id";
            case PROFILES_BY_NICKNAME -> visibility.isPublic("nickname") ? null : "nickname";
            default -> null;
        };
        if (hidden != null) {
            throw HttpProblem.forbidden("this route needs a service token: " + hidden + " is not public; your own"
                    + " profile is at " + OWN_PROFILE);
        }
    }

    /** Refuses a person's listing filtered by a field they may not see, which would reveal its values. */
    public void checkFilters(ProfileQuery query, HttpServletRequest request) {
        if (person(request).isEmpty()) {
            return;
        }
        refuseHiddenFilter("username", "user_id", query.username());
        refuseHiddenFilter("nickname", "nickname", query.nickname());
        refuseHiddenFilter("email", "email", query.email());
    }

    private void refuseHiddenFilter(String parameter, String field, String value) {
        if (value != null && !visibility.isPublic(field)) {
            throw HttpProblem.forbidden("listing by " + parameter + " needs a service token: " + field
                    + " is not public");
        }
    }

    /** The profile as the request's caller sees it: whole for services, its public view for people. */
    public StoredProfile view(HttpServletRequest request, StoredProfile stored) {
        return person(request).isEmpty() ? stored : visibility.publicView(stored);
    }

    /** Whether the request's caller sees public views. */
    public boolean seesPublicViews(HttpServletRequest request) {
        return person(request).isPresent();
    }
}
