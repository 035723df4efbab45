package io.profilekit.servlet.internal;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.servlet.internal.access.AccessRules;
import io.profilekit.servlet.internal.http.ErrorResponses;
import io.profilekit.servlet.internal.http.JsonResponses;
import io.profilekit.servlet.internal.http.PathParameters;
import io.profilekit.servlet.internal.http.Route;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The seed's profile lookups: {@code GET /api/v1/id/{id}}, {@code /username/{username}} and
 * {@code /nickname/{nickname}}, answering a JSON array of stored profiles (people get their
 * public views), or the seed's 404.
 */
public final class ProfileLookupServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    /** The most profiles one nickname lookup returns. */
    public static final int MAX_NICKNAME_RESULTS = 100;

    private final transient ProfileRepository repository;
    private final transient AccessRules rules;

    public ProfileLookupServlet(ProfileRepository repository, AccessRules rules) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    protected void handle(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<StoredProfile> found = PathParameters.segment(request.getPathInfo())
                .map(segment -> find(route, segment))
                .orElse(List.of());
        if (found.isEmpty()) {
            ErrorResponses.seed(response, 404);
        } else {
            JsonResponses.array(response, rules.seesPublicViews(request)
                    ? found.stream().map(profile -> rules.view(request, profile)).toList()
                    : found);
        }
    }

    private List<StoredProfile> find(Route route, String segment) {
        return switch (route) {
            case PROFILE_BY_ID -> {
                OptionalLong id = PathParameters.recordId(segment);
                yield id.isPresent() ? list(repository.findById(id.getAsLong())) : List.of();
            }
            case PROFILE_BY_USERNAME -> list(repository.findByUsername(segment));
            case PROFILES_BY_NICKNAME -> repository.findByNickname(segment, MAX_NICKNAME_RESULTS);
            default -> throw new IllegalArgumentException(route + " is no profile lookup");
        };
    }

    private static List<StoredProfile> list(Optional<StoredProfile> found) {
        return found.map(List::of).orElse(List.of());
    }
}
