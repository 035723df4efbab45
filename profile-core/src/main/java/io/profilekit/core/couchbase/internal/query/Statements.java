package io.profilekit.core.couchbase.internal.query;

import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.internal.kv.Keys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * profilekit's SQL++ statements: constant text built once from the keyspace, with every value
 * from a request left to a named parameter ({@code $after}, {@code $limit}, {@code $email}).
 * They select profile keys alone; documents are then read by key.
 */
public final class Statements {

    public final String list;
    public final String listByEmail;
    public final String highestRecordId;
    public final String countAfter;
    /** Each index's name and the statement that creates it, built at once (never deferred). */
    public final Map<String, String> indexes;
    /** The state of the named indexes ({@code $names}) of the profiles' collection. */
    public final String indexStates;
    private final String collection;

    public Statements(CouchbaseKeyspace keyspace) {
        collection = keyspace.profiles();
        String from = " FROM `" + collection + "` AS p WHERE META(p).id LIKE \"" + Keys.PROFILE_PREFIX + "%\"";
        list = "SELECT RAW META(p).id" + from + " AND p.record_id > $after ORDER BY p.record_id LIMIT $limit";
        listByEmail = "SELECT RAW META(p).id" + from
                + " AND p.email = $email AND p.record_id > $after ORDER BY p.record_id LIMIT $limit";
        highestRecordId = "SELECT RAW MAX(p.record_id)" + from + " AND p.record_id IS NOT MISSING";
        countAfter = "SELECT RAW COUNT(*)" + from + " AND p.record_id > $after";
        String partial = " WHERE META().id LIKE \"" + Keys.PROFILE_PREFIX + "%\" WITH {\"defer_build\": false}";
        indexes = new LinkedHashMap<>();
        indexes.put("profilekit_by_record_id",
                "CREATE INDEX `profilekit_by_record_id` IF NOT EXISTS ON `" + collection + "`(record_id)" + partial);
        indexes.put("profilekit_by_email",
                "CREATE INDEX `profilekit_by_email` IF NOT EXISTS ON `" + collection + "`(email, record_id)" + partial);
        // The bucket's default collection is listed as the bucket itself, without bucket_id.
        String where = CouchbaseKeyspace.DEFAULT.equals(keyspace.scope()) && CouchbaseKeyspace.DEFAULT.equals(collection)
                ? "i.keyspace_id = \"" + keyspace.bucket() + "\" AND i.bucket_id IS MISSING"
                : "i.bucket_id = \"" + keyspace.bucket() + "\" AND i.scope_id = \"" + keyspace.scope()
                        + "\" AND i.keyspace_id = \"" + collection + "\"";
        indexStates = "SELECT i.name, i.state FROM system:indexes AS i WHERE " + where + " AND i.name IN $names";
    }

    /** The statement that builds the named deferred indexes. */
    public String buildIndexes(List<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(name -> quoted.add("`" + name + "`"));
        return "BUILD INDEX ON `" + collection + "`(" + String.join(", ", quoted) + ")";
    }
}
