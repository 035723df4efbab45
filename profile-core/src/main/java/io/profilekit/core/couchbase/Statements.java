package io.profilekit.core.couchbase;

import java.util.List;

/**
 * profilekit's SQL++ statements: constant text built once from the profiles' collection name,
 * with every value from a request left to a named parameter ({@code $after}, {@code $limit},
 * {@code $email}). They select profile keys alone; documents are then read by key.
 */
final class Statements {

    final String list;
    final String listByEmail;
    final String highestRecordId;
    final List<String> indexes;

    Statements(String collection) {
        String from = " FROM `" + collection + "` AS p WHERE META(p).id LIKE \"" + Keys.PROFILE_PREFIX + "%\"";
        list = "SELECT RAW META(p).id" + from + " AND p.record_id > $after ORDER BY p.record_id LIMIT $limit";
        listByEmail = "SELECT RAW META(p).id" + from
                + " AND p.email = $email AND p.record_id > $after ORDER BY p.record_id LIMIT $limit";
        highestRecordId = "SELECT RAW MAX(p.record_id)" + from + " AND p.record_id IS NOT MISSING";
        String partial = " WHERE META().id LIKE \"" + Keys.PROFILE_PREFIX + "%\"";
        indexes = List.of(
                "CREATE INDEX `profilekit_by_record_id` IF NOT EXISTS ON `" + collection + "`(record_id)" + partial,
                "CREATE INDEX `profilekit_by_email` IF NOT EXISTS ON `" + collection + "`(email, record_id)" + partial);
    }
}
