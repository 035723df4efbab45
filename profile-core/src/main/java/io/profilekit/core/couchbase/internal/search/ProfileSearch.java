package io.profilekit.core.couchbase.internal.search;

import com.couchbase.client.core.error.IndexNotFoundException;
import com.couchbase.client.core.error.InternalServerFailureException;
import com.couchbase.client.core.error.TimeoutException;
import com.couchbase.client.core.retry.RetryReason;
import com.couchbase.client.core.service.ServiceType;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.Scope;
import com.couchbase.client.java.search.SearchOptions;
import com.couchbase.client.java.search.SearchRequest;
import com.couchbase.client.java.search.result.SearchRow;
import io.profilekit.core.SearchField;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.couchbase.internal.connection.ClusterServices;
import io.profilekit.core.couchbase.internal.kv.Documents;
import io.profilekit.core.couchbase.internal.kv.Failures;
import io.profilekit.core.couchbase.internal.kv.Keys;
import io.profilekit.core.couchbase.internal.kv.ProfileReads;
import io.profilekit.core.couchbase.internal.kv.WrittenTokens;
import io.profilekit.core.internal.Futures;
import io.profilekit.core.spi.SearchRanking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Search through the Search service: one scoped request to profilekit's index for the best
 * candidates (every word a prefix of a word in one of the query's fields, whole words scored
 * higher), whose documents are then read by key and ranked by {@link SearchRanking}, which also
 * drops any the index still holds under words they no longer have. Never a scan: without the
 * Search service or the index, a search fails saying so.
 */
public final class ProfileSearch {

    /** How many more candidates than the limit the Search service is asked for, so ranking has room. */
    static final int CANDIDATES_PER_RESULT = 4;
    /** The fewest candidates asked for. */
    static final int MIN_CANDIDATES = 40;

    private final Cluster cluster;
    private final String bucket;
    private final Scope scope;
    private final Collection profiles;
    private final Documents documents;
    private final Failures failures;
    private final WrittenTokens written;
    private final Duration timeout;

    public ProfileSearch(Cluster cluster, String bucket, Scope scope, Collection profiles, Documents documents,
            Failures failures, WrittenTokens written, Duration timeout) {
        this.cluster = cluster;
        this.bucket = bucket;
        this.scope = scope;
        this.profiles = profiles;
        this.documents = documents;
        this.failures = failures;
        this.written = written;
        this.timeout = timeout;
    }

    public CompletableFuture<List<StoredProfile>> search(SearchQuery query) {
        if (!ClusterServices.runs(cluster, bucket, ServiceType.SEARCH)) {
            return CompletableFuture.failedFuture(noSearchService(null));
        }
        SearchOptions options = options(query, written, timeout);
        return Futures.attempt(() -> scope.async().search(SearchIndexDefinition.NAME, request(query), options))
                .handle((result, error) -> {
                    if (error != null) {
                        throw translate(Futures.unwrap(error));
                    }
                    return result.rows().stream().map(SearchRow::id).filter(id -> id.startsWith(Keys.PROFILE_PREFIX))
                            .toList();
                })
                .thenCompose(keys -> documents.getAll(profiles, keys).thenApply(found -> SearchRanking.best(
                        IntStream.range(0, keys.size()).mapToObj(i -> found.get(i)
                                .map(got -> ProfileReads.stored(Keys.recordIdOf(keys.get(i)), got)))
                                .flatMap(Optional::stream), query)));
    }

    /** The request to the index: {@link #query}. */
    public static SearchRequest request(SearchQuery query) {
        return SearchRequest.create(query(query));
    }

    /**
     * The Search query: for every word of the query, a prefix of a word in one of its fields (a
     * whole word scores three times as high); all words must match.
     */
    public static com.couchbase.client.java.search.SearchQuery query(SearchQuery query) {
        List<com.couchbase.client.java.search.SearchQuery> words = new ArrayList<>();
        for (String word : query.words()) {
            List<com.couchbase.client.java.search.SearchQuery> inAnyField = new ArrayList<>();
            for (SearchField field : query.fields().stream().sorted().toList()) {
                inAnyField.add(com.couchbase.client.java.search.SearchQuery.term(word).field(field.jsonName())
                        .boost(3));
                inAnyField.add(com.couchbase.client.java.search.SearchQuery.prefix(word).field(field.jsonName()));
            }
            words.add(com.couchbase.client.java.search.SearchQuery.disjuncts(
                    inAnyField.toArray(com.couchbase.client.java.search.SearchQuery[]::new)));
        }
        return com.couchbase.client.java.search.SearchQuery.conjuncts(
                words.toArray(com.couchbase.client.java.search.SearchQuery[]::new));
    }

    /** The options: how many candidates, within what time, consistent with this instance's writes. */
    public static SearchOptions options(SearchQuery query, WrittenTokens written, Duration timeout) {
        SearchOptions options = SearchOptions.searchOptions()
                .limit(Math.max(MIN_CANDIDATES, query.limit() * CANDIDATES_PER_RESULT))
                .timeout(timeout);
        written.apply(options);
        return options;
    }

    private RuntimeException translate(Throwable error) {
        if (error instanceof IndexNotFoundException) {
            return StoreConfigurationException.misconfigured("profilekit's search index (" + SearchIndexDefinition.NAME
                    + ") does not exist: " + Failures.RUN_INIT, error);
        }
        if (error instanceof TimeoutException timeout
                && Failures.retryReasons(timeout).contains(RetryReason.SERVICE_NOT_AVAILABLE)) {
            return noSearchService(error);
        }
        if (error instanceof InternalServerFailureException) {
            return new StoreUnavailableException("the search index is not ready to answer yet (it is being built or"
                    + " rebalanced)", error);
        }
        return failures.translate(error);
    }

    /** The failure of a search on a cluster without the Search service. */
    public static StoreConfigurationException noSearchService(Throwable cause) {
        return StoreConfigurationException.lacksService("this Couchbase cluster runs no Search service, which search"
                + " needs: add it to a node, then run init to create the search index", cause);
    }
}
