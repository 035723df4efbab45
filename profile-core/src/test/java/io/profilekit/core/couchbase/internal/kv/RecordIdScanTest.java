package io.profilekit.core.couchbase.internal.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.internal.Futures;
import org.junit.jupiter.api.Test;

/** The record id scan: never asked of a bucket without range scans, and the ids it gathers. */
class RecordIdScanTest {

    @Test
    void aBucketWithoutRangeScansIsNeverScanned() {
        RecordIdScan scan = new RecordIdScan(MockCouchbase.cluster(), MockCouchbase.KEYSPACE.bucket(),
                MockCouchbase.collection(), new Failures(""));

        assertThat(Futures.join(scan.above(0))).isEmpty();
    }

    @Test
    void theIdsGatheredAreTheProfileKeysAboveTheFloorInAscendingOrder() {
        RecordIdScan.RecordIds ids = new RecordIdScan.RecordIds(5);
        for (String key : new String[] {"user_data:100", "user_data:9", "user_data:5", "user_data:x", "user_data:10"}) {
            ids.add(key);
        }

        assertThat(ids.sorted()).containsExactly(9, 10, 100);
    }

    @Test
    void theGatheredIdsGrowPastTheirFirstArray() {
        RecordIdScan.RecordIds ids = new RecordIdScan.RecordIds(0);
        for (long id = 3000; id >= 1; id--) {
            ids.add(Keys.profile(id));
        }

        long[] sorted = ids.sorted();

        assertThat(sorted).hasSize(3000);
        assertThat(sorted[0]).isEqualTo(1);
        assertThat(sorted[2999]).isEqualTo(3000);
    }
}
