package io.profilekit.core.couchbase;

import java.util.List;

/**
 * What {@link CouchbaseProfileStore#reindex} did.
 *
 * @param profiles the profiles whose lookup documents were written
 * @param unreadable the documents under profile keys that are no readable profile
 * @param duplicateUsernames usernames more than one profile holds; found by username: the one
 *     with the lowest record id
 * @param lastRecordId the highest record id done: {@code reindex} resumes after it
 */
public record ReindexReport(long profiles, long unreadable, List<String> duplicateUsernames, long lastRecordId) {

    public ReindexReport {
        duplicateUsernames = List.copyOf(duplicateUsernames);
    }
}
