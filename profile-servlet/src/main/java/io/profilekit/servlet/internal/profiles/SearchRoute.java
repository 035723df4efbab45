package io.profilekit.servlet.internal.profiles;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.SearchQuery;
import io.profilekit.servlet.internal.access.AccessPolicy;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.RouteHandler;
import io.profilekit.servlet.internal.parameters.QueryString;
import io.profilekit.servlet.internal.parameters.SearchParameters;
import io.profilekit.servlet.internal.pictures.PictureLinks;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v1/search?q=&limit=}: profiles found as someone types, best first, over the
 * fields the caller may search ({@link AccessPolicy#searchFields}), seen as in the listing.
 */
public final class SearchRoute implements RouteHandler {

    private final AsyncProfileRepository repository;
    private final ProfileItems items;
    private final AccessPolicy access;

    public SearchRoute(AsyncProfileRepository repository, PictureLinks links, AccessPolicy access) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.items = new ProfileItems(links, access);
        this.access = access;
    }

    @Override
    public CompletableFuture<Answer> handle(Call call) {
        SearchQuery query = SearchParameters.parse(QueryString.parse(call.request().query()),
                access.searchFields(call.caller()));
        return repository.search(query).thenCompose(found -> items.items(call, found));
    }
}
