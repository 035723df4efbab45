package io.profilekit.servlet;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The seed's profile lookups: {@code GET /api/v1/id/{id}}, {@code /username/{username}} and
 * {@code /nickname/{nickname}}, answering a JSON array of stored profiles, or the seed's 404.
 */
final class ProfileLookupServlet extends ReadOnlyServlet {

    private static final long serialVersionUID = 1L;

    /** The most profiles one nickname lookup returns. */
    static final int MAX_NICKNAME_RESULTS = 100;

    /** What the path segment names. */
    enum Key { ID, USERNAME, NICKNAME }

    private final transient ProfileRepository repository;
    private final Key key;

    ProfileLookupServlet(ProfileRepository repository, Key key) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<StoredProfile> found = PathParameters.segment(request.getPathInfo()).map(this::find).orElse(List.of());
        if (found.isEmpty()) {
            ErrorResponses.seed(response, 404);
        } else {
            SeedJson.writeArray(response, found);
        }
    }

    private List<StoredProfile> find(String segment) {
        return switch (key) {
            case ID -> {
                OptionalLong id = PathParameters.recordId(segment);
                yield id.isPresent() ? list(repository.findById(id.getAsLong())) : List.of();
            }
            case USERNAME -> list(repository.findByUsername(segment));
            case NICKNAME -> repository.findByNickname(segment, MAX_NICKNAME_RESULTS);
        };
    }

    private static List<StoredProfile> list(Optional<StoredProfile> found) {
        return found.map(List::of).orElse(List.of());
    }
}
