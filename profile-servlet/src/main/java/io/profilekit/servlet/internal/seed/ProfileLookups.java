package io.profilekit.servlet.internal.seed;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.servlet.internal.access.AccessPolicy;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.ErrorAnswers;
import io.profilekit.servlet.internal.http.JsonAnswers;
import io.profilekit.servlet.internal.parameters.PathParameters;
import io.profilekit.servlet.internal.http.RouteHandler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The seed's profile lookups: {@code GET /api/v1/id/{id}}, {@code /username/{username}} and
 * {@code /nickname/{nickname}}, answering a JSON array of stored profiles (people get their
 * public views), or the seed's 404. The id lookup is the hot path: one read, the stored bytes
 * passed through.
 */
public final class ProfileLookups implements RouteHandler {

    /** The most profiles one nickname lookup returns. */
    public static final int MAX_NICKNAME_RESULTS = 100;

    private static final CompletableFuture<List<StoredProfile>> NONE = CompletableFuture.completedFuture(List.of());

    private final AsyncProfileRepository repository;
    private final AccessPolicy access;

    public ProfileLookups(AsyncProfileRepository repository, AccessPolicy access) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public CompletableFuture<Answer> handle(Call call) {
        Optional<String> segment = PathParameters.segment(call.route().rest(call.request().path()));
        return (segment.isEmpty() ? NONE : find(call, segment.get())).thenApply(found -> {
            if (found.isEmpty()) {
                return ErrorAnswers.seed(404);
            }
            return JsonAnswers.array(access.seesPublicViews(call.caller())
                    ? found.stream().map(profile -> access.view(call.caller(), profile)).toList()
                    : found);
        });
    }

    private CompletableFuture<List<StoredProfile>> find(Call call, String segment) {
        return switch (call.route()) {
            case PROFILE_BY_ID -> {
                OptionalLong id = PathParameters.recordId(segment);
                yield id.isPresent() ? repository.findById(id.getAsLong()).thenApply(ProfileLookups::list) : NONE;
            }
            case PROFILE_BY_USERNAME -> repository.findByUsername(segment).thenApply(ProfileLookups::list);
            case PROFILES_BY_NICKNAME -> repository.findByNickname(segment, MAX_NICKNAME_RESULTS);
            default -> throw new IllegalArgumentException(call.route() + " is no profile lookup");
        };
    }

    private static List<StoredProfile> list(Optional<StoredProfile> found) {
        return found.map(List::of).orElse(List.of());
    }
}
