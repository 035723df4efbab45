package io.profilekit.core.spi;

import io.profilekit.core.SearchQuery;
import io.profilekit.core.StoredProfile;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Search's order, the same for every store: {@link SearchableWords#tier tier} first (exact
 * username or nickname, then whole words, then prefixes), then ascending record id. Stores
 * pass what they found, current as read, and answer what this keeps: a candidate an index
 * still holds under words it no longer has is dropped here, so no store answers a ghost.
 */
public final class SearchRanking {

    private SearchRanking() {
    }

    /** The best {@code query.limit()} of {@code candidates} that match the query, best first, each once. */
    public static List<StoredProfile> best(Stream<StoredProfile> candidates, SearchQuery query) {
        List<String> words = query.words();
        Set<Long> seen = new HashSet<>();
        return candidates
                .filter(stored -> seen.add(stored.recordId()))
                .map(stored -> new Ranked(stored, SearchableWords.of(stored.profile()).tier(words, query.fields())))
                .filter(ranked -> ranked.tier != SearchableWords.NO_MATCH)
                .sorted(Comparator.comparingInt(Ranked::tier).thenComparingLong(ranked -> ranked.stored.recordId()))
                .limit(query.limit())
                .map(Ranked::stored)
                .toList();
    }

    private record Ranked(StoredProfile stored, int tier) {
    }
}
