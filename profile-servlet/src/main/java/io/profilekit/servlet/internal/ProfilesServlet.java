package io.profilekit.servlet.internal;

import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileJson;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.servlet.internal.http.EntityTags;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.JsonResponses;
import io.profilekit.servlet.internal.http.ListingParameters;
import io.profilekit.servlet.internal.http.PathParameters;
import io.profilekit.servlet.internal.http.QueryString;
import io.profilekit.servlet.internal.http.RequestBodies;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.pictures.PictureLinks;
import io.profilekit.servlet.internal.pictures.PictureRenders;
import io.profilekit.servlet.internal.pictures.ProfilePictureResource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The resource API under {@code /api/v1/profiles}: the collection (list, create), a profile
 * (read, replace, merge-patch, delete; ETags from the store's versions), each answered with its
 * {@code picture_url} ({@link PictureLinks}), and, through
 * {@link ProfilePictureResource}, its picture. It parses, calls the repository and writes;
 * read-modify-write and the rules of a change live in {@link ProfileRepository#update}.
 */
public final class ProfilesServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final transient ProfileRepository repository;
    private final int maxProfileBytes;
    private final transient RequestBodies bodies;
    private final transient ProfilePictureResource pictures;
    private final transient PictureLinks links;

    /**
     * @param bodies reads request bodies (and bounds how many are read at once)
     * @param maxProfileBytes the largest profile body accepted
     * @param maxPictureBytes the largest picture body accepted
     * @param maxPictureSide the most pixels a picture may have on either side
     * @param renders the renders of pictures, and their cache
     * @param links the {@code picture_url} of every profile answered
     */
    public ProfilesServlet(ProfileRepository repository, RequestBodies bodies, int maxProfileBytes,
            int maxPictureBytes, int maxPictureSide, PictureRenders renders, PictureLinks links) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.links = Objects.requireNonNull(links, "links");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.maxProfileBytes = maxProfileBytes;
        this.pictures = new ProfilePictureResource(repository, bodies, maxPictureBytes, maxPictureSide, renders);
    }

    @Override
    protected void handle(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (route == Route.PROFILES) {
            if (method.equals("POST")) {
                create(request, response);
            } else {
                list(request, response);
            }
            return;
        }
        long id = recordId(request);
        if (route == Route.PROFILE_PICTURE) {
            pictures.handle(method, id, request, response);
            return;
        }
        switch (method) {
            case "GET", "HEAD" -> read(request, response, id);
            case "PUT" -> replace(request, response, id);
            case "PATCH" -> patch(request, response, id);
            default -> delete(request, response, id);
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
        Page<StoredProfile> page = repository.list(query);
        String next = page.next().isPresent()
                ? ListingParameters.nextPage(profilesUrl(request), query, page.next().getAsLong())
                : null;
        long expiresAt = links.expiresAt();
        JsonResponses.page(response, page.items(), next, PictureLinks.FIELD,
                profile -> links.url(request, profile, expiresAt));
    }

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Profile profile = withoutPictureUrl(ProfileJson.fromJson(profileBody(request, "application/json")));
        StoredProfile created = repository.create(profile);
        response.setHeader("Location", profilesUrl(request) + "/" + created.recordId());
        writeProfile(request, response, 201, created);
    }

    private void read(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        StoredProfile stored = repository.findById(id).orElseThrow(() -> ProfileNotFoundException.noProfile(id));
        String tag = links.entityTag(stored.version(), links.expiresAt());
        if (EntityTags.noneMatchMatches(request.getHeader("If-None-Match"), tag)) {
            EntityTags.notModified(response, tag);
            return;
        }
        writeProfile(request, response, 200, stored);
    }

    private void replace(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        Profile replacement = withoutPictureUrl(ProfileJson.fromJson(profileBody(request, "application/json")));
        StoredProfile stored = underIfMatch(request, id, expected -> repository.update(id, expected, current -> {
            Profile.Builder changed = replacement.toBuilder();
            if (replacement.recordId() == null) {
                changed.recordId(id);
            }
            if (replacement.picture() == null) {
                changed.picture(current.profile().picture());
            }
            return changed.build();
        }));
        writeProfile(request, response, 200, stored);
    }

    private void patch(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        byte[] patch;
        try {
            patch = profileBody(request, MERGE_PATCH);
        } catch (HttpProblem problem) {
            throw problem.status() == 415 ? problem.with("Accept-Patch", MERGE_PATCH) : problem;
        }
        StoredProfile stored = underIfMatch(request, id,
                expected -> repository.update(id, expected,
                        current -> withoutPictureUrl(ProfileJson.mergePatch(current.json(), patch))));
        writeProfile(request, response, 200, stored);
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, long id) {
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

    private void writeProfile(HttpServletRequest request, HttpServletResponse response, int status,
            StoredProfile stored) throws IOException {
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

    static String profilesUrl(HttpServletRequest request) {
        return request.getContextPath() + Route.PROFILES.template();
    }
}
