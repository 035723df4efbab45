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
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory store's search index: for every word of every profile's searchable fields, the
 * record ids of the profiles that have it (a sorted map, so the words a prefix starts are one
 * range), and each profile's words ({@link SearchableWords}) to rank by. Updated in the same
 * call as the write that changes a profile, so a profile is found as soon as its write returns.
 *
 * <p>A search reads the ids under the word of the query whose prefix range is smallest. When
 * that range holds at most {@value #CANDIDATE_BUDGET} ids, every one is ranked. When it holds
 * more (a one- or two-letter prefix over many profiles), whole-word matches are ranked from the
 * word's own ids, and prefix matches are taken in ascending record id order, which is their
 * order in the answer, until the limit is met or {@value #SCAN_BUDGET} ids were read.
 */
final class SearchIndex {

    /** The most ids a search ranks all of. */
    static final int CANDIDATE_BUDGET = 20_000;
    /** The most ids a search reads when it takes prefix matches in record id order. */
    static final int SCAN_BUDGET = 200_000;

    private final NavigableMap<String, SortedIds> postings = new TreeMap<>();
    private final Map<Long, String> words = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

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
            String narrowest = null;
            long narrowestSize = Long.MAX_VALUE;
            for (String word : query) {
                long size = size(startingWith(word));
                if (size < narrowestSize) {
                    narrowest = word;
                    narrowestSize = size;
                }
            }
            if (narrowestSize == 0) {
                return List.of();
            }
            List<Hit> hits = narrowestSize <= CANDIDATE_BUDGET
                    ? rankAll(startingWith(narrowest), query, fields)
                    : rankInIdOrder(narrowest, query, fields, limit);
            return hits.stream().sorted(Hit.ORDER).limit(limit).map(Hit::id).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    private Map<String, SortedIds> startingWith(String prefix) {
        return postings.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /** The number of ids in {@code range}, counted up to just past {@link #CANDIDATE_BUDGET}. */
    private static long size(Map<String, SortedIds> range) {
        long size = 0;
        for (SortedIds ids : range.values()) {
            size += ids.size();
            if (size > CANDIDATE_BUDGET) {
                break;
            }
        }
        return size;
    }

    private List<Hit> rankAll(Map<String, SortedIds> range, List<String> query, Set<SearchField> fields) {
        long[] ids = new long[(int) size(range)];
        int count = 0;
        for (SortedIds posting : range.values()) {
            for (int i = 0; i < posting.size(); i++) {
                ids[count++] = posting.get(i);
            }
        }
        Arrays.sort(ids, 0, count);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                rank(ids[i], query, fields, hits);
            }
        }
        return hits;
    }

    private List<Hit> rankInIdOrder(String narrowest, List<String> query, Set<SearchField> fields, int limit) {
        List<Hit> hits = new ArrayList<>();
        SortedIds whole = postings.get(narrowest);
        for (int i = 0; whole != null && i < Math.min(whole.size(), CANDIDATE_BUDGET); i++) {
            rank(whole.get(i), query, fields, hits);
        }
        hits.removeIf(hit -> hit.tier() == SearchableWords.PREFIXES);
        int prefixes = 0;
        PriorityQueue<Cursor> cursors = new PriorityQueue<>(Comparator.comparingLong(Cursor::current));
        startingWith(narrowest).values().forEach(ids -> cursors.add(new Cursor(ids)));
        long previous = -1;
        for (int read = 0; prefixes < limit && read < SCAN_BUDGET && !cursors.isEmpty(); read++) {
            Cursor cursor = cursors.poll();
            long id = cursor.current();
            if (cursor.advance()) {
                cursors.add(cursor);
            }
            if (id != previous && tier(id, query, fields) == SearchableWords.PREFIXES) {
                hits.add(new Hit(SearchableWords.PREFIXES, id));
                prefixes++;
            }
            previous = id;
        }
        return hits;
    }

    private void rank(long id, List<String> query, Set<SearchField> fields, List<Hit> hits) {
        int tier = tier(id, query, fields);
        if (tier != SearchableWords.NO_MATCH) {
            hits.add(new Hit(tier, id));
        }
    }

    private int tier(long id, List<String> query, Set<SearchField> fields) {
        return SearchableWords.unpack(words.get(id)).tier(query, fields);
    }

    private record Hit(int tier, long id) {
        static final Comparator<Hit> ORDER = Comparator.comparingInt(Hit::tier).thenComparingLong(Hit::id);
    }

    /** A position in one word's ids. */
    private static final class Cursor {
        private final SortedIds ids;
        private int at;

        Cursor(SortedIds ids) {
            this.ids = ids;
        }

        long current() {
            return ids.get(at);
        }

        boolean advance() {
            return ++at < ids.size();
        }
    }
}
