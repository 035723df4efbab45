package io.profilekit.servlet.internal.scim;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.scim.ScimException;
import io.profilekit.core.scim.ScimFilter;
import io.profilekit.core.scim.ScimQueries;
import io.profilekit.core.scim.ScimUsers;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.BodyReads;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.EntityTags;
import io.profilekit.servlet.internal.http.ErrorAnswers;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.IfMatch;
import io.profilekit.servlet.internal.http.JsonAnswers;
import io.profilekit.servlet.internal.http.MediaTypes;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.http.RouteHandler;
import io.profilekit.servlet.internal.parameters.PathParameters;
import io.profilekit.servlet.internal.pictures.PictureRenders;
import io.profilekit.servlet.internal.parameters.QueryString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /scim/v2}: Users (create, read, query, replace, patch, delete) over the repository, the
 * discovery endpoints, and a SCIM error for every endpoint profilekit does not serve. Off unless
 * {@code profile.scim.enabled}: then every SCIM path answers 404, saying so.
 */
public final class ScimRoute implements RouteHandler {

    /** The page size of a query that asks for none. */
    static final int DEFAULT_COUNT = 100;

    private final AsyncProfileRepository repository;
    private final BodyReads bodies;
    private final int maxBytes;
    private final boolean enabled;
    private final ScimDiscovery discovery;
    private final PictureRenders renders;

    /**
     * @param maxBytes the largest User or PATCH body accepted
     * @param renders the renders a delete forgets
     */
    public ScimRoute(AsyncProfileRepository repository, BodyReads bodies, int maxBytes, boolean enabled,
            PictureRenders renders) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.maxBytes = maxBytes;
        this.enabled = enabled;
        this.renders = Objects.requireNonNull(renders, "renders");
        this.discovery = enabled ? new ScimDiscovery() : null;
    }

    @Override
    public CompletableFuture<Answer> handle(Call call) {
        if (!enabled) {
            throw HttpProblem.notFound("SCIM is off on this server; its operator turns it on with"
                    + " profile.scim.enabled=true");
        }
        try {
            return switch (call.route()) {
                case SCIM_USERS -> call.method().equals("POST") ? create(call) : query(call);
                case SCIM_USER -> user(call, recordId(call));
                case SCIM_UNSUPPORTED -> throw unsupported(call);
                default -> CompletableFuture.completedFuture(discovery.answer(call));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CompletableFuture<Answer> user(Call call, long id) {
        return switch (call.method()) {
            case "GET", "HEAD" -> repository.findById(id).thenApply(found -> written(call, 200,
                    found.orElseThrow(() -> ProfileNotFoundException.noProfile(id))));
            case "PUT" -> body(call).thenCompose(body -> IfMatch.write(repository, call.request(), id,
                    expected -> repository.update(id, expected, current -> ScimUsers.replace(current.profile(), body))))
                    .thenApply(stored -> written(call, 200, stored));
            case "PATCH" -> body(call).thenCompose(body -> IfMatch.write(repository, call.request(), id,
                    expected -> repository.update(id, expected, current -> ScimUsers.patch(current.profile(), body))))
                    .thenApply(stored -> written(call, 200, stored));
            default -> IfMatch.write(repository, call.request(), id, expected -> repository.delete(id, expected))
                    .thenApply(deleted -> {
                        renders.forget(id);
                        return Answer.of(204);
                    });
        };
    }

    private CompletableFuture<Answer> create(Call call) {
        return body(call).thenCompose(body -> repository.create(ScimUsers.fromJson(body)))
                .thenApply(created -> {
                    Answer answer = written(call, 201, created);
                    return answer.header("Location", location(call, created.recordId()));
                });
    }

    private CompletableFuture<Answer> query(Call call) {
        Map<String, String[]> parameters = QueryString.parse(call.request().query());
        String filterText = QueryString.first(parameters, "filter");
        ScimFilter filter = filterText == null || filterText.isBlank() ? null : ScimFilter.parse(filterText.strip());
        // RFC 7644 section 3.4.2.4: below 1 counts as 1, a negative count as 0
        int startIndex = Math.max(1, integer(parameters, "startIndex", 1));
        int count = Math.min(ScimQueries.MAX_COUNT, Math.max(0, integer(parameters, "count", DEFAULT_COUNT)));
        return ScimQueries.find(repository, filter, startIndex, count).thenApply(result -> ScimAnswers.list(
                result.totalResults(), startIndex, result.resources().stream()
                        .map(stored -> ScimUsers.toJson(stored.profile(), meta(call, stored))).toList()));
    }

    private static int integer(Map<String, String[]> parameters, String name, int absent) {
        String value = QueryString.first(parameters, name);
        if (value == null || value.isEmpty()) {
            return absent;
        }
        if (!value.matches("-?[0-9]{1,9}")) {
            throw new ScimException(ScimException.Type.INVALID_VALUE, name + " must be an integer");
        }
        return Integer.parseInt(value);
    }

    private CompletableFuture<byte[]> body(Call call) {
        MediaTypes.require(call.request(), ErrorAnswers.SCIM, JsonAnswers.JSON);
        return bodies.read(call.request(), "the SCIM request", maxBytes);
    }

    private static Answer written(Call call, int status, StoredProfile stored) {
        ScimUsers.Meta meta = meta(call, stored);
        return ScimAnswers.of(status, ScimUsers.toJson(stored.profile(), meta)).header("ETag", meta.version());
    }

    private static ScimUsers.Meta meta(Call call, StoredProfile stored) {
        return new ScimUsers.Meta(location(call, stored.recordId()),
                EntityTags.of(stored.version()));
    }

    private static String location(Call call, long id) {
        return call.request().baseUrl() + Route.SCIM_USERS.template() + "/" + id;
    }

    private static long recordId(Call call) {
        String segment = call.route().rest(call.request().path()).substring(1);
        OptionalLong id = PathParameters.recordId(segment);
        if (id.isEmpty()) {
            throw HttpProblem.notFound("no User has the id '" + segment + "': ids are positive whole numbers");
        }
        return id.getAsLong();
    }

    private static HttpProblem unsupported(Call call) {
        String rest = call.route().rest(call.request().path());
        String resource = rest.isEmpty() ? "" : rest.substring(1).split("/", 2)[0];
        if (resource.equals("Groups") || resource.equals("Bulk") || resource.equals("Me")) {
            return HttpProblem.notImplemented("profilekit provisions Users only, one at a time: /" + resource
                    + " is not served (for /Groups, turn off group provisioning in the identity provider)");
        }
        return HttpProblem.notFound("no SCIM endpoint here; profilekit serves /Users, /ServiceProviderConfig,"
                + " /ResourceTypes and /Schemas under /scim/v2");
    }
}
