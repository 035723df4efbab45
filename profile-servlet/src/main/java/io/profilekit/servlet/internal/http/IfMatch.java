package io.profilekit.servlet.internal.http;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.core.internal.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Writes to a profile under the request's {@code If-Match}, the same on every route that writes
 * one (the resource API, {@code /api/v1/me}, SCIM): without the header, the write gets
 * {@code null} (any version). A single tag is the version the write expects, checked by the
 * write itself, so the profile is not read twice; {@code *} or several tags are resolved against
 * the stored version first. A profile that does not exist fails the condition: 412.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static <T> CompletableFuture<T> write(AsyncProfileRepository repository, Request request, long id,
            Function<Version, CompletableFuture<T>> write) {
        EntityTags.Condition condition = EntityTags.ifMatch(request.header("If-Match"));
        if (!condition.present()) {
            return write.apply(null);
        }
        CompletableFuture<Version> expected = !condition.any() && condition.versions().size() == 1
                ? CompletableFuture.completedFuture(condition.versions().get(0))
                : matchingVersion(repository, condition, id);
        return Futures.then(expected.thenCompose(write), (written, error) -> {
            if (error instanceof ProfileNotFoundException) {
                throw HttpProblem.preconditionFailed("If-Match names a version, but there is no profile " + id);
            }
            return error == null ? CompletableFuture.completedFuture(written) : CompletableFuture.failedFuture(error);
        });
    }

    /** The stored version, when it is one {@code condition} names; else 412. */
    private static CompletableFuture<Version> matchingVersion(AsyncProfileRepository repository,
            EntityTags.Condition condition, long id) {
        return repository.findById(id).thenApply(found -> {
            StoredProfile current = found.orElseThrow(() -> ProfileNotFoundException.noProfile(id));
            if (!condition.matches(current.version())) {
                throw HttpProblem.preconditionFailed("profile " + id + " is at version "
                        + EntityTags.of(current.version()) + ", not the one If-Match names; read it again and retry");
            }
            return current.version();
        });
    }
}
