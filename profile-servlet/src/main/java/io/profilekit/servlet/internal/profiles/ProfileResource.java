package io.profilekit.servlet.internal.profiles;

import io.profilekit.core.FieldVisibility;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileJson;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.servlet.internal.http.EntityTags;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.JsonResponses;
import io.profilekit.servlet.internal.http.RequestBodies;
import io.profilekit.servlet.internal.pictures.PictureLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * One profile as a resource: read (whole or as its public view), create, replace, merge-patch
 * and delete, with ETags from the store's versions and each answer's {@code picture_url}
 * ({@link PictureLinks}). A person changing their own profile ({@code owner}) may not change its
 * read-only fields ({@link FieldVisibility#checkOwnChange}). Read-modify-write and the rules of
 * a change live in {@link ProfileRepository#update}.
 */
public final class ProfileResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final ProfileRepository repository;
    private final RequestBodies bodies;
    private final int maxProfileBytes;
    private final PictureLinks links;
    private final FieldVisibility visibility;

    /**
     * @param bodies reads request bodies (and bounds how many are read at once)
     * @param maxProfileBytes the largest profile body accepted
     * @param links the {@code picture_url} of every profile answered
     * @param visibility the public view, and what people may not change themselves
     */
    public ProfileResource(ProfileRepository repository, RequestBodies bodies, int maxProfileBytes, PictureLinks links,
            FieldVisibility visibility) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.maxProfileBytes = maxProfileBytes;
        this.links = Objects.requireNonNull(links, "links");
        this.visibility = Objects.requireNonNull(visibility, "visibility");
    }

    /** Answers a profile, whole or as its public view (whose ETag differs from the whole one's). */
    public void read(HttpServletRequest request, HttpServletResponse response, StoredProfile stored,
            boolean publicView) throws IOException {
        long expiresAt = links.expiresAt();
        String tag = links.entityTag(stored.version(), expiresAt);
        if (publicView) {
            tag = tag.substring(0, tag.length() - 1) + "-public\"";
        }
        if (EntityTags.noneMatchMatches(request.getHeader("If-None-Match"), tag)) {
            EntityTags.notModified(response, tag);
            return;
        }
        StoredProfile shown = publicView ? visibility.publicView(stored) : stored;
        EntityTags.setValidators(response, tag);
        if (publicView && !visibility.isPublic(PictureLinks.FIELD)) {
            JsonResponses.document(response, 200, shown);
        } else {
            JsonResponses.document(response, 200, shown, PictureLinks.FIELD, links.url(request, stored, expiresAt));
        }
    }

    /** The profile in the request's body, without {@code picture_url}. */
    public Profile body(HttpServletRequest request) throws IOException {
        return withoutPictureUrl(ProfileJson.fromJson(profileBody(request, "application/json")));
    }

    /** Stores a new profile and answers it 201, with {@code location} as its {@code Location}. */
    public void create(HttpServletRequest request, HttpServletResponse response, Profile profile, String location)
            throws IOException {
        StoredProfile created = repository.create(profile);
        response.setHeader("Location", location.replace("{id}", Long.toString(created.recordId())));
        write(request, response, 201, created);
    }

    /**
     * Replaces profile {@code id} with the request's body (under its {@code If-Match}); the
     * stored picture stays unless the body names one. For an owner, read-only fields left out
     * are kept and the others must not change.
     */
    public void replace(HttpServletRequest request, HttpServletResponse response, long id, boolean owner)
            throws IOException {
        Profile replacement = body(request);
        StoredProfile stored = underIfMatch(request, id, expected -> repository.update(id, expected, current -> {
            Profile.Builder changed = replacement.toBuilder();
            if (replacement.recordId() == null) {
                changed.recordId(id);
            }
            if (replacement.picture() == null) {
                changed.picture(current.profile().picture());
            }
            if (!owner) {
                return changed.build();
            }
            Profile own = visibility.withReadOnlyKept(current.profile(), changed.build());
            visibility.checkOwnChange(current.profile(), own);
            return own;
        }));
        write(request, response, 200, stored);
    }

    /** Applies the request's JSON merge patch to profile {@code id}; an owner's must leave read-only fields be. */
    public void patch(HttpServletRequest request, HttpServletResponse response, long id, boolean owner)
            throws IOException {
        byte[] patch;
        try {
            patch = profileBody(request, MERGE_PATCH);
        } catch (HttpProblem problem) {
            throw problem.status() == 415 ? problem.with("Accept-Patch", MERGE_PATCH) : problem;
        }
        StoredProfile stored = underIfMatch(request, id, expected -> repository.update(id, expected, current -> {
            Profile changed = withoutPictureUrl(ProfileJson.mergePatch(current.json(), patch));
            if (owner) {
                visibility.checkOwnChange(current.profile(), changed);
            }
            return changed;
        }));
        write(request, response, 200, stored);
    }

    /** Deletes profile {@code id} (under the request's {@code If-Match}): 204. */
    public void delete(HttpServletRequest request, HttpServletResponse response, long id) {
        underIfMatch(request, id, expected -> {
            repository.delete(id, expected);
            return null;
        });
        response.setStatus(204);
    }

    /**
     * Runs a write under the request's {@code If-Match}: without one, {@code write} gets
     * {@code null} (any version). A single tag is the version the write expects, checked by the
     * write itself, so the profile is not read twice; {@code *} or several tags are resolved
     * against the stored version first. A profile that does not exist fails the condition: 412.
     */
    private <T> T underIfMatch(HttpServletRequest request, long id, Function<Version, T> write) {
        EntityTags.Condition condition = EntityTags.ifMatch(request.getHeader("If-Match"));
        if (!condition.present()) {
            return write.apply(null);
        }
        try {
            Version expected = !condition.any() && condition.versions().size() == 1
                    ? condition.versions().get(0)
                    : matchingVersion(condition, id);
            return write.apply(expected);
        } catch (ProfileNotFoundException gone) {
            throw HttpProblem.preconditionFailed("If-Match names a version, but there is no profile " + id);
        }
    }

    /** The stored version, when it is one {@code condition} names; else 412. */
    private Version matchingVersion(EntityTags.Condition condition, long id) {
        StoredProfile current = repository.findById(id).orElseThrow(() -> ProfileNotFoundException.noProfile(id));
        if (!condition.matches(current.version())) {
            throw HttpProblem.preconditionFailed("profile " + id + " is at version " + EntityTags.of(current.version())
                    + ", not the one If-Match names; read it again and retry");
        }
        return current.version();
    }

    private byte[] profileBody(HttpServletRequest request, String mediaType) throws IOException {
        RequestBodies.requireMediaType(request, mediaType);
        return bodies.read(request, "the profile", maxProfileBytes);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, StoredProfile stored)
            throws IOException {
        long expiresAt = links.expiresAt();
        EntityTags.setValidators(response, links.entityTag(stored.version(), expiresAt));
        JsonResponses.document(response, status, stored, PictureLinks.FIELD, links.url(request, stored, expiresAt));
    }

    /** The profile without {@code picture_url}: answers carry it, a client may send it back, it is never stored. */
    private static Profile withoutPictureUrl(Profile profile) {
        return profile.attributes().containsKey(PictureLinks.FIELD)
                ? profile.toBuilder().removeAttribute(PictureLinks.FIELD).build()
                : profile;
    }
}
