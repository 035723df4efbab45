package io.profilekit.core.couchbase.internal.kv;

import com.couchbase.client.core.msg.kv.MutationToken;
import com.couchbase.client.java.kv.MutationResult;
import com.couchbase.client.java.kv.MutationState;
import com.couchbase.client.java.query.QueryOptions;
import com.couchbase.client.java.query.QueryScanConsistency;
import com.couchbase.client.java.search.SearchOptions;
import com.couchbase.client.java.search.SearchScanConsistency;
import io.profilekit.core.couchbase.ListingConsistency;
import java.util.ArrayList;
import java.util.List;

/**
 * The listing's consistency, and for {@link ListingConsistency#AT_PLUS} the mutation tokens of
 * this instance's writes to the profiles' collection, which a listing then waits for. The SDK
 * keeps one token per vbucket, the newest, so the state stays small (at most 1024 tokens).
 * Thread-safe.
 */
public final class WrittenTokens {

    private final ListingConsistency consistency;
    private final String collection;
    private MutationState state;

    public WrittenTokens(ListingConsistency consistency, String collection) {
        this.consistency = consistency;
        this.collection = collection;
    }

    /** Remembers a write's token when it was to the profiles' collection. */
    public void written(String writtenTo, MutationResult result) {
        if (consistency != ListingConsistency.AT_PLUS || !collection.equals(writtenTo)) {
            return;
        }
        result.mutationToken().ifPresent(token -> {
            synchronized (this) {
                state = state == null ? MutationState.from(token) : state.add(token);
            }
        });
    }

    /** Sets the listing's consistency on {@code options}. */
    public void apply(QueryOptions options) {
        switch (consistency) {
            case REQUEST_PLUS -> options.scanConsistency(QueryScanConsistency.REQUEST_PLUS);
            case NOT_BOUNDED -> options.scanConsistency(QueryScanConsistency.NOT_BOUNDED);
            case AT_PLUS -> {
                MutationState written = snapshot();
                if (written == null) {
                    options.scanConsistency(QueryScanConsistency.NOT_BOUNDED);
                } else {
                    options.consistentWith(written);
                }
            }
            default -> throw new IllegalStateException(consistency.name());
        }
    }

    /**
     * Sets a search's consistency on {@code options}: this instance's writes for
     * {@link ListingConsistency#AT_PLUS}, else whatever the index holds (the Search service has
     * no request_plus).
     */
    public void apply(SearchOptions options) {
        MutationState own = consistency == ListingConsistency.AT_PLUS ? snapshot() : null;
        if (own == null) {
            options.scanConsistency(SearchScanConsistency.NOT_BOUNDED);
        } else {
            options.consistentWith(own);
        }
    }

    /** A copy of the tokens, or {@code null} before the first write. */
    public synchronized MutationState snapshot() {
        if (state == null) {
            return null;
        }
        List<MutationToken> tokens = new ArrayList<>();
        state.forEach(tokens::add);
        return MutationState.from(tokens.toArray(MutationToken[]::new));
    }
}
