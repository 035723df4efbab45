package io.profilekit.faults;

import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import com.couchbase.client.java.codec.RawJsonTranscoder;
import com.couchbase.client.java.kv.GetOptions;
import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold after the faults, checked through a repository of its own and the documents
 * themselves: every profile answered 201 is found by id, username and nickname; no username has
 * two profiles; no profile is unreachable by its username or nickname.
 *
 * @param profiles how many stored profiles were checked
 * @param confirmed how many creates answered 201 (and not deleted or renamed since) were checked
 * @param violations what did not hold
 */
record Invariants(int profiles, int confirmed, List<String> violations) {

    static Invariants check(CouchbaseMockProcess mock, CouchbaseKeyspace keyspace, Clients clients) {
        List<String> violations = new ArrayList<>();
        Map<String, List<Long>> byUsername = new HashMap<>();
        Map<String, Set<Long>> nicknames = new HashMap<>();
        int profiles = 0;
        int confirmed = 0;
        Cluster cluster = Cluster.connect(mock.connectionString(),
                ClusterOptions.clusterOptions(CouchbaseMockProcess.BUCKET, CouchbaseMockProcess.PASSWORD));
        try (ProfileRepository repository = ProfileRepository.of(CouchbaseProfileStore.connect(
                CouchbaseFaultsIT.settings(mock)))) {
            var documents = cluster.bucket(keyspace.bucket()).defaultCollection();
            long top = Long.parseLong(new String(documents.get("counter::user_data",
                    GetOptions.getOptions().transcoder(RawJsonTranscoder.INSTANCE)).contentAs(byte[].class),
                    StandardCharsets.US_ASCII).trim());
            for (long id = 1; id <= top; id++) {
                Optional<StoredProfile> stored = repository.findById(id);
                if (stored.isEmpty()) {
                    continue;
                }
                profiles++;
                Profile profile = stored.get().profile();
                byUsername.computeIfAbsent(profile.userId(), name -> new ArrayList<>()).add(id);
                long recordId = id;
                if (repository.findByUsername(profile.userId()).map(StoredProfile::recordId)
                        .filter(found -> found == recordId).isEmpty()) {
                    violations.add("profile " + id + " is unreachable by its username");
                }
                if (profile.nickname() != null && !nicknames.computeIfAbsent(profile.nickname(), nickname ->
                        everyId(repository, nickname)).contains(recordId)) {
                    violations.add("profile " + id + " is unreachable by its nickname");
                }
            }
            byUsername.forEach((username, ids) -> {
                if (ids.size() > 1) {
                    violations.add("one username has " + ids.size() + " profiles: " + ids);
                }
            });
            for (Map.Entry<String, Long> created : clients.created.entrySet()) {
                long id = created.getValue();
                if (clients.deleted.contains(id) || clients.uncertain.contains(id)) {
                    continue;
                }
                confirmed++;
                Optional<StoredProfile> byId = repository.findById(id);
                if (byId.isEmpty() || !created.getKey().equals(byId.get().profile().userId())) {
                    violations.add("profile " + id + ", answered 201, is not found by id with its username");
                } else if (repository.findByUsername(created.getKey()).isEmpty()) {
                    violations.add("profile " + id + ", answered 201, is not found by username");
                }
            }
        } finally {
            cluster.disconnect();
        }
        return new Invariants(profiles, confirmed, violations);
    }

    /** Every record id found by the nickname, page after page. */
    private static Set<Long> everyId(ProfileRepository repository, String nickname) {
        Set<Long> ids = new HashSet<>();
        ProfileQuery query = ProfileQuery.first(ProfileQuery.MAX_LIMIT).withNickname(nickname);
        while (true) {
            Page<StoredProfile> page = repository.list(query);
            page.items().forEach(stored -> ids.add(stored.recordId()));
            if (page.next().isEmpty()) {
                return ids;
            }
            query = query.withAfter(page.next().getAsLong());
        }
    }

    String summary() {
        return "invariants checked on " + profiles + " stored profiles and " + confirmed + " confirmed creates";
    }
}
