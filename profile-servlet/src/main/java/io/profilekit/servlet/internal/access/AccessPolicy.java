package io.profilekit.servlet.internal.access;

import io.profilekit.core.FieldVisibility;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.SearchField;
import io.profilekit.core.StoredProfile;
import io.profilekit.servlet.auth.Caller;
import io.profilekit.servlet.auth.Person;
import io.profilekit.servlet.auth.Service;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Route;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every answer to "may this caller do this": the one access policy. A {@link Service} may do
 * everything but {@code /api/v1/me}, which names no one for it. A {@link Person} never reaches
 * SCIM, which identity providers use with service tokens. A {@link Person} reads every
 * profile as its public view ({@link FieldVisibility}), pictures while {@code picture} is public,
 * looks up and lists by public fields only (else the answers would reveal hidden values), and
 * reads, changes and deletes their own whole profile and picture through {@code /api/v1/me} and
 * nothing else; in it, their read-only fields stay as services set them. Refusals are 403s that
 * say what to do instead. The caller type is sealed: there is no third kind to forget.
 */
public final class AccessPolicy {

    private static final String OWN_PROFILE = Route.ME.template();

    private final FieldVisibility visibility;
    private final Set<SearchField> searchFields;
    /** Those of {@link #searchFields} that are public: what people's searches match. */
    private final Set<SearchField> publicSearchFields;

    /** @param searchFields what services' searches match; people's match those of them that are public */
    public AccessPolicy(FieldVisibility visibility, Set<SearchField> searchFields) {
        this.visibility = Objects.requireNonNull(visibility, "visibility");
        this.searchFields = Set.copyOf(searchFields);
        this.publicSearchFields = searchFields.stream().filter(field -> visibility.isPublic(field.jsonName()))
                .collect(Collectors.toUnmodifiableSet());
    }

    public FieldVisibility visibility() {
        return visibility;
    }

    /**
     * Refuses, with a 403 saying what to do instead, a request its caller may not make; the
     * route allows {@code method}.
     */
    public void check(Route route, String method, Caller caller) {
        boolean own = route == Route.ME || route == Route.ME_PICTURE || route == Route.ME_EXPORT;
        if (caller instanceof Service && own) {
            throw HttpProblem.forbidden(OWN_PROFILE + " is a signed-in person's own profile, and a service"
                    + " token names no person; use " + Route.PROFILE.template() + " instead");
        }
        if (caller instanceof Person && route.isScim()) {
            throw HttpProblem.forbidden("SCIM is for identity providers, with a service token; your own profile is at "
                    + OWN_PROFILE);
        }
        if (caller instanceof Person && route == Route.PROFILES_EXPORT) {
            throw HttpProblem.forbidden("exporting every profile needs a service token; your own data is at "
                    + Route.ME_EXPORT.template());
        }
        if (caller instanceof Person && !own) {
            checkPersonElsewhere(route, method);
        }
    }

    private void checkPersonElsewhere(Route route, String method) {
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
    public void checkFilters(ProfileQuery query, Caller caller) {
        if (caller instanceof Person) {
            refuseHiddenFilter("username", "user_id", query.username());
            refuseHiddenFilter("nickname", "nickname", query.nickname());
            refuseHiddenFilter("email", "email", query.email());
        }
    }

    private void refuseHiddenFilter(String parameter, String field, String value) {
        if (value != null && !visibility.isPublic(field)) {
            throw HttpProblem.forbidden("listing by " + parameter + " needs a service token: " + field
                    + " is not public");
        }
    }

    /**
     * The fields {@code caller}'s searches match: the configured ones for services; for people,
     * those of them that are public, so that no answer, not even an empty one, tells a person
     * anything about a field they may not see.
     *
     * @throws HttpProblem 403 when a person may search none of them
     */
    public Set<SearchField> searchFields(Caller caller) {
        if (!seesPublicViews(caller)) {
            return searchFields;
        }
        if (publicSearchFields.isEmpty()) {
            throw HttpProblem.forbidden("search needs a service token: none of the searched fields is public");
        }
        return publicSearchFields;
    }

    /** Whether {@code caller} sees others' profiles as their public views. */
    public boolean seesPublicViews(Caller caller) {
        return caller instanceof Person;
    }

    /** A profile as {@code caller} sees it: whole for services, its public view for people. */
    public StoredProfile view(Caller caller, StoredProfile stored) {
        return seesPublicViews(caller) ? visibility.publicView(stored) : stored;
    }

    /** Whether {@code caller}'s answers carry {@code field} of others' profiles. */
    public boolean shows(Caller caller, String field) {
        return !seesPublicViews(caller) || visibility.isPublic(field);
    }

    /**
     * What a replacement of {@code current} by {@code caller} stores: a service's as it is; a
     * person's (of their own profile) with the read-only fields it leaves out kept.
     *
     * @throws io.profilekit.core.ReadOnlyFieldException naming the first read-only field a person changed
     */
    public Profile replacement(Caller caller, Profile current, Profile replacement) {
        return caller instanceof Person ? patched(caller, current, visibility.withReadOnlyKept(current, replacement))
                : replacement;
    }

    /**
     * What a change of {@code current} by {@code caller} stores: a service's as it is; a
     * person's (of their own profile) only when it leaves the read-only fields as they are.
     *
     * @throws io.profilekit.core.ReadOnlyFieldException naming the first read-only field a person changed
     */
    public Profile patched(Caller caller, Profile current, Profile changed) {
        if (caller instanceof Person) {
            visibility.checkOwnChange(current, changed);
        }
        return changed;
    }

    /**
     * What a person may create as their own profile: {@code body}, with the username their token
     * names when it has none.
     *
     * @throws io.profilekit.core.ReadOnlyFieldException when it sets a read-only field otherwise
     */
    public Profile ownNewProfile(Person person, Profile body) {
        Profile profile = body.userId() == null ? body.toBuilder().userId(person.username()).build() : body;
        visibility.checkOwnChange(Profile.builder().userId(person.username()).build(), profile);
        return profile;
    }
}
