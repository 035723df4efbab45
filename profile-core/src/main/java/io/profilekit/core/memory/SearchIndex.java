package io.profilekit.core.memory;

import io.profilekit.core.Profile;
import io.profilekit.core.SearchField;
import io.profilekit.core.spi.SearchableWords;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory store's search index: for every word of every profile's searchable fields, the
 * record ids of the profiles that have it (a sorted map, so the words a prefix starts are one
 * range), and each profile's words ({@link SearchableWords}) by record id, in order, to rank by.
 * Updated in the same call as the write that changes a profile, so a profile is found as soon
 * as its write returns.
 *
 * <p>A search starts from the word of the query whose prefix range holds the fewest ids. Exact
 * and whole-word matches all hold that word whole, so they are ranked from its own ids (up to
 * {@value #WHOLE_WORD_BUDGET} of them, then only until the limit is met). Prefix matches are
 * ordered by record id alone, so the search takes the first ones in id order: from the range's
 * ids when the range is small (at most the square root of the limit times the number of
 * profiles), else, matches being dense, by reading profiles in id order, which finds them about
 * as fast. A query whose words are each common but rare together reads the range's ids after
 * four times that square root of profiles read in vain.
 */
final class SearchIndex {

    /**
     * The most profiles a search reads in record id order before it reads its range's ids
     * instead; it gives up sooner, after four times the square root above.
     */
    static final int SCAN_BUDGET = 50_000;
    /** The most ids of a whole word a search ranks all of, looking for exact and whole-word matches. */
    static final int WHOLE_WORD_BUDGET = 20_000;

    private final NavigableMap<String, SortedIds> postings = new TreeMap<>();
    private final NavigableMap<Long, String> words = new TreeMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final int scanBudget;

    SearchIndex() {
        this(SCAN_BUDGET);
    }

    /** An index that reads at most {@code scanBudget} profiles in record id order (tests use a small one). */
    SearchIndex(int scanBudget) {
        this.scanBudget = scanBudget;
    }

    /** Indexes {@code profile} (it has a record id), in place of what was indexed for its record id. */
    void put(Profile profile) {
        long id = profile.recordId();
        SearchableWords searchable = SearchableWords.of(profile);
        lock.writeLock().lock();
        try {
            unindex(id);
            words.put(id, searchable.packed());
            for (String word : searchable.allWords()) {
                postings.computeIfAbsent(word, unused -> new SortedIds()).add(id);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forgets the profile with this record id. */
    void remove(long id) {
        lock.writeLock().lock();
        try {
            unindex(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void clear() {
        lock.writeLock().lock();
        try {
            postings.clear();
            words.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void unindex(long id) {
        String previous = words.remove(id);
        if (previous == null) {
            return;
        }
        for (String word : SearchableWords.unpack(previous).allWords()) {
            SortedIds ids = postings.get(word);
            ids.remove(id);
            if (ids.size() == 0) {
                postings.remove(word);
            }
        }
    }

    /** The record ids of the best {@code limit} matches of {@code query} in {@code fields}, best first. */
    List<Long> search(List<String> query, Set<SearchField> fields, int limit) {
        lock.readLock().lock();
        try {
            long small = (long) Math.sqrt((double) limit * Math.max(1, words.size())) + 1;
            String narrowest = null;
            long narrowestSize = Long.MAX_VALUE;
            for (String word : query) {
                long size = size(startingWith(word), small);
                if (size < narrowestSize) {
                    narrowest = word;
                    narrowestSize = size;
                }
            }
            if (narrowestSize == 0) {
                return List.of();
            }
            Query search = new Query(query, fields, limit, (int) Math.min(scanBudget, 4 * small));
            List<Hit> hits = search.wholeWords(postings.get(narrowest));
            if (narrowestSize > small && search.prefixesInIdOrder()) {
                return search.answer(hits);
            }
            search.prefixesAmong(ids(startingWith(narrowest)));
            return search.answer(hits);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Map<String, SortedIds> startingWith(String prefix) {
        return postings.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /** The number of ids in {@code range}, counted up to just past {@code enough}. */
    private static long size(Map<String, SortedIds> range, long enough) {
        long size = 0;
        for (SortedIds ids : range.values()) {
            size += ids.size();
            if (size > enough) {
                break;
            }
        }
        return size;
    }

    /** The distinct ids of {@code range}, ascending. */
    private static long[] ids(Map<String, SortedIds> range) {
        long[] ids = new long[(int) Math.min(Integer.MAX_VALUE - 8, size(range, Long.MAX_VALUE))];
        int count = 0;
        for (SortedIds posting : range.values()) {
            for (int i = 0; i < posting.size(); i++) {
                ids[count++] = posting.get(i);
            }
        }
        Arrays.sort(ids, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || ids[i] != ids[distinct - 1]) {
                ids[distinct++] = ids[i];
            }
        }
        return Arrays.copyOf(ids, distinct);
    }

    /**
     * One search under the read lock. Whole-word matches (the better tiers) all hold the query's
     * narrowest word as a whole word, so they are ranked from that word's ids; prefix matches
     * rank by record id alone, so the first {@code limit} found in id order are the answer's.
     */
    private final class Query {
        private final List<String> words;
        private final Set<SearchField> fields;
        private final int limit;
        private final int budget;
        private final List<Hit> prefixes = new ArrayList<>();

        Query(List<String> words, Set<SearchField> fields, int limit, int budget) {
            this.words = words;
            this.fields = fields;
            this.limit = limit;
            this.budget = budget;
        }

        int tier(String packed) {
            return SearchableWords.unpack(packed).tier(words, fields);
        }

        /** The exact and whole-word matches among {@code whole}'s ids (all of them, up to {@value #WHOLE_WORD_BUDGET}). */
        List<Hit> wholeWords(SortedIds whole) {
            List<Hit> hits = new ArrayList<>();
            int wholeWords = 0;
            for (int i = 0; whole != null && i < whole.size(); i++) {
                if (i >= WHOLE_WORD_BUDGET && wholeWords >= limit) {
                    break;
                }
                int tier = tier(SearchIndex.this.words.get(whole.get(i)));
                if (tier == SearchableWords.EXACT || tier == SearchableWords.WHOLE_WORDS) {
                    hits.add(new Hit(tier, whole.get(i)));
                    wholeWords += tier == SearchableWords.WHOLE_WORDS ? 1 : 0;
                }
            }
            return hits;
        }

        /** Prefix matches read from every profile in id order; false when the scan budget ran out first. */
        boolean prefixesInIdOrder() {
            int read = 0;
            for (Map.Entry<Long, String> profile : SearchIndex.this.words.entrySet()) {
                if (prefixes.size() >= limit) {
                    return true;
                }
                if (++read > budget) {
                    prefixes.clear();
                    return false;
                }
                take(profile.getKey(), profile.getValue());
            }
            return true;
        }

        /** Prefix matches among {@code ids}, ascending. */
        void prefixesAmong(long[] ids) {
            for (int i = 0; i < ids.length && prefixes.size() < limit; i++) {
                take(ids[i], SearchIndex.this.words.get(ids[i]));
            }
        }

        private void take(long id, String packed) {
            if (tier(packed) == SearchableWords.PREFIXES) {
                prefixes.add(new Hit(SearchableWords.PREFIXES, id));
            }
        }

        List<Long> answer(List<Hit> wholeWords) {
            List<Hit> all = new ArrayList<>(wholeWords);
            all.addAll(prefixes);
            return all.stream().sorted(Hit.ORDER).limit(limit).map(Hit::id).toList();
        }
    }

    private record Hit(int tier, long id) {
        static final Comparator<Hit> ORDER = Comparator.comparingInt(Hit::tier).thenComparingLong(Hit::id);
    }
}
