package io.profilekit.core.couchbase.internal.connection;

import com.couchbase.client.core.config.BucketConfig;
import com.couchbase.client.core.config.NodeInfo;
import com.couchbase.client.core.service.ServiceType;
import com.couchbase.client.java.Cluster;
import java.util.List;

/** Which services a cluster runs, as its configuration says, so a missing one is named at once rather than waited for. */
public final class ClusterServices {

    private ClusterServices() {
    }

    /** Whether any of {@code nodes} runs {@code service}, with or without TLS. */
    public static boolean anyRuns(List<NodeInfo> nodes, ServiceType service) {
        return nodes.stream().anyMatch(node -> node.services().containsKey(service)
                || node.sslServices().containsKey(service));
    }

    /** Whether a node of {@code bucket}'s cluster runs {@code service}; true while its configuration is not known yet. */
    public static boolean runs(Cluster cluster, String bucket, ServiceType service) {
        BucketConfig config = cluster.core().clusterConfig().bucketConfig(bucket);
        return config == null || anyRuns(config.nodes(), service);
    }
}
