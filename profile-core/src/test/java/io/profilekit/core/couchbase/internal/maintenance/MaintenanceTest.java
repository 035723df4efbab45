package io.profilekit.core.couchbase.internal.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.couchbase.client.core.config.NodeInfo;
import com.couchbase.client.core.service.ServiceType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintenanceTest {

    /** A node with {@code services} besides the manager, which every node runs. */
    private static NodeInfo node(Map<ServiceType, Integer> services, Map<ServiceType, Integer> tls) {
        Map<ServiceType, Integer> direct = new EnumMap<>(ServiceType.class);
        direct.putAll(services);
        direct.put(ServiceType.MANAGER, 8091);
        return new NodeInfo("db1.example.com", direct, tls, Map.of());
    }

    @Test
    void aClusterOfDataNodesOnlyRunsNoQueryService() {
        assertThat(Maintenance.runsQueryService(List.of(
                node(Map.of(ServiceType.KV, 11210), Map.of(ServiceType.KV, 11207)))))
                .isFalse();
    }

    @Test
    void aNodeWithTheQueryServiceOnEitherPortCounts() {
        assertThat(Maintenance.runsQueryService(List.of(node(Map.of(ServiceType.KV, 11210), Map.of()),
                node(Map.of(ServiceType.QUERY, 8093), Map.of())))).isTrue();
        assertThat(Maintenance.runsQueryService(List.of(node(Map.of(), Map.of(ServiceType.QUERY, 18093))))).isTrue();
    }
}
