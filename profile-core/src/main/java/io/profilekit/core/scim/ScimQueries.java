package io.profilekit.core.scim;

import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.Page;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.StoredProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers a SCIM query ({@code GET /Users?filter=&startIndex=&count=}) from a repository, in
 * record id order, so that index-based pages stay stable. A filter on {@code userName eq} or
 * {@code id eq} is one key lookup; any other filter, or none, reads the listing page by page and
 * tests each profile, up to {@link #MAX_EXAMINED} of them (beyond, the query is refused with
 * {@code tooMany} rather than left to run on).
 */
public final class ScimQueries {

    /** The most profiles one query reads to test them against its filter. */
    public static final int MAX_EXAMINED = 100_000;

    /** The largest {@code count} served. */
    public static final int MAX_COUNT = 1000;

    private ScimQueries() {
    }

    /**
     * One page of a query's answer.
     *
     * @param totalResults how many profiles match in all
     * @param resources those from {@code startIndex} (1-based), at most {@code count}
     */
    public record Result(long totalResults, List<StoredProfile> resources) {
        public Result {
            resources = List.copyOf(resources);
        }
    }

    /**
     * The profiles that match {@code filter} (every profile when it is {@code null}).
     *
     * @param startIndex the 1-based index of the first profile answered
     * @param count the most profiles answered, 0 to {@link #MAX_COUNT}
     */
    public static CompletableFuture<Result> find(AsyncProfileRepository repository, ScimFilter filter, int startIndex,
            int count) {
        if (startIndex < 1 || count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("startIndex must be at least 1 and count between 0 and " + MAX_COUNT);
        }
        Optional<ScimFilter.Key> key = filter == null ? Optional.empty() : filter.key();
        if (key.isPresent()) {
            return lookUp(repository, key.get()).thenApply(found -> {
                List<StoredProfile> matching = found.filter(stored -> filter.matches(stored.profile())).stream()
                        .toList();
                return new Result(matching.size(), startIndex == 1 && count > 0 ? matching : List.of());
            });
        }
        return new Scan(repository, filter, startIndex, count).next(0);
    }

    /**
     * The profile a key names. A username is looked up as spelt, then in lower case: usernames
     * are stored case-sensitively, and SCIM compares {@code userName} ignoring case.
     */
    private static CompletableFuture<Optional<StoredProfile>> lookUp(AsyncProfileRepository repository,
            ScimFilter.Key key) {
        if (key instanceof ScimFilter.Key.UserName userName) {
            String lower = userName.value().toLowerCase(Locale.ROOT);
            return repository.findByUsername(userName.value()).thenCompose(found -> found.isPresent()
                    || lower.equals(userName.value()) ? CompletableFuture.completedFuture(found)
                    : repository.findByUsername(lower));
        }
        String id = ((ScimFilter.Key.Id) key).value();
        if (!id.matches("[1-9][0-9]{0,17}")) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return repository.findById(Long.parseLong(id));
    }

    /** A read of the listing, page after page, counting matches and keeping those of the asked window. */
    private static final class Scan {
        private static final int PAGE = ProfileQuery.MAX_LIMIT;

        private final AsyncProfileRepository repository;
        private final ScimFilter filter;
        private final long first;
        private final long end;
        private final List<StoredProfile> kept = new ArrayList<>();
        private long matched;
        private long examined;

        Scan(AsyncProfileRepository repository, ScimFilter filter, int startIndex, int count) {
            this.repository = repository;
            this.filter = filter;
            this.first = startIndex;
            this.end = (long) startIndex + count;
        }

        CompletableFuture<Result> next(long after) {
            return repository.list(ProfileQuery.first(PAGE).withAfter(after)).thenCompose(this::read);
        }

        private CompletableFuture<Result> read(Page<StoredProfile> page) {
            for (StoredProfile stored : page.items()) {
                if (++examined > MAX_EXAMINED) {
                    throw new ScimException(ScimException.Type.TOO_MANY, "the query reads more than " + MAX_EXAMINED
                            + " profiles; narrow it with userName eq or id eq, which are key lookups");
                }
                if (filter == null || filter.matches(stored.profile())) {
                    matched++;
                    if (matched >= first && matched < end) {
                        kept.add(stored);
                    }
                }
            }
            return page.hasNext() ? next(page.next().getAsLong())
                    : CompletableFuture.completedFuture(new Result(matched, kept));
        }
    }
}
