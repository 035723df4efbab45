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
 * <p>Whole-word matches all hold each word of the query whole, so the first ones in id order are
 * taken from the ids of its rarest word (exact usernames and nicknames, which may come later,
 * the store finds by its own lookups); when they fill the answer, nothing else is read. Prefix
 * matches start from the word whose prefix range holds the fewest ids (kept count of for
 * prefixes of up to {@value #COUNTED_PREFIX} characters, counted for longer ones), and are
 * ordered by record id alone, so the search takes the first ones in id order: from the range's
 * ids when the range is small (at most twice the square root of the limit times the number of
 * profiles: some 6,300 ids of a million profiles for ten answers), else, matches being dense,
 * by reading profiles in id order, which finds them sooner. A query whose words are each common
 * but rare together reads the range's ids after four times that many profiles read in vain.
 */
final class SearchIndex {

    /**
     * The most profiles a search reads in record id order before it reads its range's ids
     * instead; it gives up sooner, after four times the range size above.
     */
    static final int SCAN_BUDGET = 50_000;

    /** Prefixes up to this long have their range's size counted as words come and go. */
    static final int COUNTED_PREFIX = 4;

    private final NavigableMap<String, SortedIds> postings = new TreeMap<>();
    /** For every prefix of up to {@value #COUNTED_PREFIX} characters, the number of ids in its range. */
    private final Map<String, int[]> rangeSizes = new HashMap<>();
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
                if (postings.computeIfAbsent(word, unused -> new SortedIds()).add(id)) {
                    count(word, 1);
                }
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
            rangeSizes.clear();
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
            if (ids.remove(id)) {
                count(word, -1);
            }
            if (ids.size() == 0) {
                postings.remove(word);
            }
        }
    }

    private void count(String word, int change) {
        for (int length = 1; length <= Math.min(COUNTED_PREFIX, word.length()); length++) {
            String prefix = word.substring(0, length);
            int[] size = rangeSizes.computeIfAbsent(prefix, unused -> new int[1]);
            size[0] += change;
            if (size[0] == 0) {
                rangeSizes.remove(prefix);
            }
        }
    }

    /** The record ids of the best {@code limit} matches of {@code query} in {@code fields}, best first. */
    List<Long> search(List<String> query, Set<SearchField> fields, int limit) {
        lock.readLock().lock();
        try {
            // A range of more ids than this holds matches densely enough that reading profiles in id
            // order finds the first ones sooner than collecting the range: a matching profile holds
            // the prefix in a few words (name, username, e-mail), so the range counts it about four
            // times, and reading takes about limit * profiles / (range / 4) steps.
            long small = 2 * (long) Math.sqrt((double) limit * Math.max(1, words.size())) + 1;
            Query search = new Query(query, fields, limit, (int) Math.min(scanBudget, 4 * small));
            List<Hit> hits = search.wholeWords(rarestWhole(query));
            if (search.needed(hits) == 0) {
                return search.answer(hits);
            }
            String narrowest = null;
            long narrowestSize = Long.MAX_VALUE;
            for (String word : query) {
                long size = rangeSize(word, small);
                if (size < narrowestSize) {
                    narrowest = word;
                    narrowestSize = size;
                }
            }
            if (narrowestSize == 0 || narrowestSize > small && search.prefixesInIdOrder()) {
                return search.answer(hits);
            }
            search.prefixesAmong(ids(startingWith(narrowest)));
            return search.answer(hits);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The ids holding the query's rarest word whole, or none when some word is nobody's whole word. */
    private SortedIds rarestWhole(List<String> query) {
        SortedIds rarest = null;
        for (String word : query) {
            SortedIds ids = postings.get(word);
            if (ids == null) {
                return null;
            }
            if (rarest == null || ids.size() < rarest.size()) {
                rarest = ids;
            }
        }
        return rarest;
    }

    private Map<String, SortedIds> startingWith(String prefix) {
        return postings.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /** The number of ids in {@code prefix}'s range: kept for short prefixes, else counted up to just past {@code enough}. */
    long rangeSize(String prefix, long enough) {
        if (prefix.length() <= COUNTED_PREFIX) {
            int[] size = rangeSizes.get(prefix);
            return size == null ? 0 : size[0];
        }
        return size(startingWith(prefix), enough);
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
        /** How many prefix matches can still make the answer. */
        private int needed;

        Query(List<String> words, Set<SearchField> fields, int limit, int budget) {
            this.words = words;
            this.fields = fields;
            this.limit = limit;
            this.budget = budget;
        }

        int tier(String packed) {
            return SearchableWords.unpack(packed).tier(words, fields);
        }

        /**
         * The first {@code limit} whole-word matches among {@code whole}'s ids, in id order, with
         * the exact ones met on the way (the store looks up exact usernames and nicknames itself).
         */
        List<Hit> wholeWords(SortedIds whole) {
            List<Hit> hits = new ArrayList<>();
            int wholeWords = 0;
            for (int i = 0; whole != null && i < whole.size() && wholeWords < limit; i++) {
                int tier = tier(SearchIndex.this.words.get(whole.get(i)));
                if (tier == SearchableWords.EXACT || tier == SearchableWords.WHOLE_WORDS) {
                    hits.add(new Hit(tier, whole.get(i)));
                    wholeWords += tier == SearchableWords.WHOLE_WORDS ? 1 : 0;
                }
            }
            return hits;
        }

        /** How many prefix matches the answer can take besides {@code wholeWords}: none once they fill it. */
        int needed(List<Hit> wholeWords) {
            needed = Math.max(0, limit - wholeWords.size());
            return needed;
        }

        /** Prefix matches read from every profile in id order; false when the scan budget ran out first. */
        boolean prefixesInIdOrder() {
            int read = 0;
            for (Map.Entry<Long, String> profile : SearchIndex.this.words.entrySet()) {
                if (prefixes.size() >= needed) {
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
            for (int i = 0; i < ids.length && prefixes.size() < needed; i++) {
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
