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

    @Test
    void addSaysWhetherTheIdIsNew() {
        SortedIds ids = new SortedIds();

        assertThat(ids.add(3)).isTrue();
        assertThat(ids.add(3)).isFalse();
        assertThat(ids.add(1)).isTrue();
        assertThat(ids.add(1)).isFalse();
        assertThat(contents(ids)).containsExactly(1, 3);
    }

    @Test
    void removeSaysWhetherTheIdWasThere() {
        SortedIds ids = new SortedIds();
        ids.add(3);

        assertThat(ids.remove(4)).isFalse();
        assertThat(ids.remove(3)).isTrue();
        assertThat(ids.remove(3)).isFalse();
        assertThat(ids.size()).isZero();
    }

    @Test
    void aSetThatShrankGrowsAgain() {
        SortedIds ids = new SortedIds();
        for (long id = 1; id <= 1000; id++) {
            ids.add(id);
        }
        for (long id = 1; id <= 990; id++) {
            ids.remove(id);
        }
        for (long id = 2000; id < 2100; id++) {
            ids.add(id);
        }

        assertThat(ids.size()).isEqualTo(110);
        assertThat(ids.get(0)).isEqualTo(991);
        assertThat(ids.get(109)).isEqualTo(2099);
    }
}
