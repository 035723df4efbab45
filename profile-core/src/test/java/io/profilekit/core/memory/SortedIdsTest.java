package io.profilekit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SortedIdsTest {

    private static long[] contents(SortedIds ids) {
        return IntStream.range(0, ids.size()).mapToLong(ids::get).toArray();
    }

    @Test
    void idsAddedInAnyOrderAreKeptAscendingAndOnce() {
        SortedIds ids = new SortedIds();
        for (long id : new long[] {5, 1, 9, 5, 3, 10}) {
            ids.add(id);
        }

        assertThat(contents(ids)).containsExactly(1, 3, 5, 9, 10);
    }

    @Test
    void removingKeepsTheRestInOrder() {
        SortedIds ids = new SortedIds();
        for (long id = 1; id <= 100; id++) {
            ids.add(id);
        }
        for (long id = 1; id <= 100; id++) {
            if (id % 10 != 0) {
                ids.remove(id);
            }
        }
        ids.remove(555);

        assertThat(contents(ids)).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
    }
}
