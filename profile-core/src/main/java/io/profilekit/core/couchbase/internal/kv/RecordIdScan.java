package io.profilekit.core.couchbase.internal.kv;

import com.couchbase.client.core.config.BucketCapabilities;
import com.couchbase.client.core.config.BucketConfig;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.ScanOptions;
import com.couchbase.client.java.kv.ScanResult;
import com.couchbase.client.java.kv.ScanType;
import io.profilekit.core.internal.Futures;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Every profile's record id, read by a key-value range scan of the profile keys (ids only), so
 * that an export needs no query service: Couchbase Server 7.6 and later. The SDK scans the
 * partitions in parallel and in no overall order, so the ids are gathered and sorted (8 bytes a
 * profile). A cluster without the capability is never asked: the SDK would wait for a
 * configuration that has it until its timeout.
 */
public final class RecordIdScan {

    private final Cluster cluster;
    private final String bucket;
    private final Collection profiles;
    private final Failures failures;

    public RecordIdScan(Cluster cluster, String bucket, Collection profiles, Failures failures) {
        this.cluster = cluster;
        this.bucket = bucket;
        this.profiles = profiles;
        this.failures = failures;
    }

    /** The record ids above {@code after}, ascending; empty when the bucket cannot range scan. */
    public CompletableFuture<Optional<long[]>> above(long after) {
        if (!supported()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return Futures.then(Futures.attempt(() -> profiles.reactive()
                .scan(ScanType.prefixScan(Keys.PROFILE_PREFIX), ScanOptions.scanOptions().idsOnly(true))
                .map(ScanResult::id)
                .collect(() -> new RecordIds(after), RecordIds::add)
                .toFuture()), (ids, error) -> {
                    if (error != null) {
                        throw failures.translate(error);
                    }
                    return CompletableFuture.completedFuture(Optional.of(ids.sorted()));
                });
    }

    private boolean supported() {
        BucketConfig config = cluster.core().clusterConfig().bucketConfig(bucket);
        return config != null && config.bucketCapabilities().contains(BucketCapabilities.RANGE_SCAN);
    }

    /** A growing array of the profile keys' record ids above a floor; other keys are passed over. */
    static final class RecordIds {
        private final long after;
        private long[] ids = new long[1024];
        private int size;

        RecordIds(long after) {
            this.after = after;
        }

        void add(String key) {
            long id = Keys.recordIdOf(key);
            if (id <= after) {
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        long[] sorted() {
            long[] result = Arrays.copyOf(ids, size);
            Arrays.sort(result);
            return result;
        }
    }
}
