package io.profilekit.servlet.internal.profiles;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.IdempotencyKey;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileJson;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.servlet.auth.Caller;
import io.profilekit.servlet.auth.Person;
import io.profilekit.servlet.auth.Service;
import io.profilekit.servlet.internal.access.AccessPolicy;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.BodyReads;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.EntityTags;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.IdempotencyKeyHeader;
import io.profilekit.servlet.internal.http.IfMatch;
import io.profilekit.servlet.internal.http.JsonAnswers;
import io.profilekit.servlet.internal.http.MediaTypes;
import io.profilekit.servlet.internal.http.Request;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.pictures.PictureLinks;
import io.profilekit.servlet.internal.pictures.PictureRenders;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One profile as a resource: read (whole or as the caller's view), create, replace, merge-patch
 * and delete, with ETags from the store's versions and each answer's {@code picture_url}
 * ({@link PictureLinks}). What a caller may change is the {@link AccessPolicy}'s to say;
 * read-modify-write and its retries live in the repository.
 */
public final class ProfileResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final AsyncProfileRepository repository;
    private final BodyReads bodies;
    private final int maxProfileBytes;
    private final PictureLinks links;
    private final AccessPolicy access;
    private final Duration keyLifetime;
    private final PictureRenders renders;

    /**
     * @param bodies reads request bodies (and bounds how many are read at once)
     * @param maxProfileBytes the largest profile body accepted
     * @param links the {@code picture_url} of every profile answered
     * @param keyLifetime how long a create's {@code Idempotency-Key} is kept
     * @param renders the renders a delete forgets
     */
    public ProfileResource(AsyncProfileRepository repository, BodyReads bodies, int maxProfileBytes, PictureLinks links,
            AccessPolicy access, Duration keyLifetime, PictureRenders renders) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.maxProfileBytes = maxProfileBytes;
        this.links = Objects.requireNonNull(links, "links");
        this.access = Objects.requireNonNull(access, "access");
        this.keyLifetime = Objects.requireNonNull(keyLifetime, "keyLifetime");
        this.renders = Objects.requireNonNull(renders, "renders");
    }

    /**
     * Answers a profile as the caller sees it: whole, or its public view (whose ETag differs from
     * the whole one's) for a person reading another's; a person's own, at /api/v1/me, is whole.
     */
    public CompletableFuture<Answer> read(Call call, StoredProfile stored) {
        boolean publicView = call.route() != Route.ME && access.seesPublicViews(call.caller());
        return links.ready().thenApply(ready -> {
            long expiresAt = links.expiresAt();
            String tag = links.entityTag(stored.version(), expiresAt);
            if (publicView) {
                tag = tag.substring(0, tag.length() - 1) + "-public\"";
            }
            if (EntityTags.noneMatchMatches(call.request().header("If-None-Match"), tag)) {
                return EntityTags.notModified(tag);
            }
            StoredProfile shown = publicView ? access.visibility().publicView(stored) : stored;
            Answer answer = publicView && !access.visibility().isPublic(PictureLinks.FIELD)
                    ? JsonAnswers.document(200, shown)
                    : JsonAnswers.document(200, shown, PictureLinks.FIELD, links.url(call.request(), stored, expiresAt));
            return EntityTags.withValidators(answer, tag);
        });
    }

    /** The profile in the request's body, without {@code picture_url}. */
    public CompletableFuture<Profile> body(Request request) {
        return profileBody(request, JsonAnswers.JSON).thenApply(json -> withoutPictureUrl(ProfileJson.fromJson(json)));
    }

    /**
     * Stores a new profile and answers it 201, with {@code location} ({@code {id}} for its id) as
     * its {@code Location}; under the request's {@code Idempotency-Key}, if it sent one, whose
     * retries answer the same.
     */
    public CompletableFuture<Answer> create(Call call, Profile profile, String location) {
        Optional<String> key = IdempotencyKeyHeader.of(call.request());
        CompletableFuture<StoredProfile> stored = key.isEmpty() ? repository.create(profile)
                : repository.create(profile, new IdempotencyKey(scope(call.caller()), key.get(), keyLifetime));
        return stored.thenCompose(created -> written(call, 201, created)
                .thenApply(answer -> answer.header("Location",
                        location.replace("{id}", Long.toString(created.recordId())))));
    }

    /**
     * Replaces profile {@code id} with the request's body (under its {@code If-Match}); the
     * stored picture stays unless the body names one; what the caller may not change stays.
     */
    public CompletableFuture<Answer> replace(Call call, long id) {
        return body(call.request()).thenCompose(replacement -> underIfMatch(call, id,
                expected -> repository.update(id, expected, current -> {
                    Profile.Builder changed = replacement.toBuilder();
                    if (replacement.recordId() == null) {
                        changed.recordId(id);
                    }
                    if (replacement.picture() == null) {
                        changed.picture(current.profile().picture());
                    }
                    return access.replacement(call.caller(), current.profile(), changed.build());
                })))
                .thenCompose(stored -> written(call, 200, stored));
    }

    /** Whose keys a caller's are: a service's or a person's, never another's. */
    private static String scope(Caller caller) {
        return caller instanceof Person person ? "person:" + person.username()
                : "service:" + ((Service) caller).name();
    }

    /** Applies the request's JSON merge patch to profile {@code id}, under its {@code If-Match}. */
    public CompletableFuture<Answer> patch(Call call, long id) {
        CompletableFuture<byte[]> patch;
        try {
            patch = profileBody(call.request(), MERGE_PATCH);
        } catch (HttpProblem problem) {
            throw problem.status() == 415 ? problem.with("Accept-Patch", MERGE_PATCH) : problem;
        }
        return patch.thenCompose(bytes -> underIfMatch(call, id, expected -> repository.update(id, expected,
                current -> access.patched(call.caller(), current.profile(),
                        withoutPictureUrl(ProfileJson.mergePatch(current.json(), bytes))))))
                .thenCompose(stored -> written(call, 200, stored));
    }

    /** Deletes profile {@code id} (under the request's {@code If-Match}): 204. */
    public CompletableFuture<Answer> delete(Call call, long id) {
        return underIfMatch(call, id, expected -> repository.delete(id, expected)).thenApply(deleted -> {
            renders.forget(id);
            return Answer.of(204);
        });
    }

    private <T> CompletableFuture<T> underIfMatch(Call call, long id, Function<Version, CompletableFuture<T>> write) {
        return IfMatch.write(repository, call.request(), id, write);
    }

    private CompletableFuture<byte[]> profileBody(Request request, String mediaType) {
        MediaTypes.require(request, mediaType);
        return bodies.read(request, "the profile", maxProfileBytes);
    }

    /** A written profile: whole (its writer may see it whole), with its validators and picture URL. */
    private CompletableFuture<Answer> written(Call call, int status, StoredProfile stored) {
        return links.ready().thenApply(ready -> {
            long expiresAt = links.expiresAt();
            return EntityTags.withValidators(JsonAnswers.document(status, stored, PictureLinks.FIELD,
                    links.url(call.request(), stored, expiresAt)), links.entityTag(stored.version(), expiresAt));
        });
    }

    /** The profile without {@code picture_url}: answers carry it, a client may send it back, it is never stored. */
    private static Profile withoutPictureUrl(Profile profile) {
        return profile.attributes().containsKey(PictureLinks.FIELD)
                ? profile.toBuilder().removeAttribute(PictureLinks.FIELD).build()
                : profile;
    }
}
