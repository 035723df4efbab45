package io.profilekit.core.couchbase.internal;

import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.Scope;
import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.couchbase.internal.kv.Documents;
import io.profilekit.core.couchbase.internal.kv.IdempotencyDocuments;
import io.profilekit.core.couchbase.internal.kv.Failures;
import io.profilekit.core.couchbase.internal.kv.PictureDocuments;
import io.profilekit.core.couchbase.internal.kv.ProfileReads;
import io.profilekit.core.couchbase.internal.kv.RecordIdCounter;
import io.profilekit.core.couchbase.internal.kv.RecordIdScan;
import io.profilekit.core.couchbase.internal.kv.ServiceTokenStore;
import io.profilekit.core.couchbase.internal.kv.SharedSecrets;
import io.profilekit.core.couchbase.internal.kv.WrittenTokens;
import io.profilekit.core.couchbase.internal.lookups.Lookups;
import io.profilekit.core.couchbase.internal.lookups.Nicknames;
import io.profilekit.core.couchbase.internal.lookups.ProfileLookups;
import io.profilekit.core.couchbase.internal.lookups.ProfileWrites;
import io.profilekit.core.couchbase.internal.lookups.Repairs;
import io.profilekit.core.couchbase.internal.maintenance.Maintenance;
import io.profilekit.core.couchbase.internal.maintenance.Reindexing;
import io.profilekit.core.couchbase.internal.query.ProfileListing;
import io.profilekit.core.couchbase.internal.query.QueryRunner;
import io.profilekit.core.couchbase.internal.query.Statements;
import io.profilekit.core.couchbase.internal.search.ProfileSearch;
import java.time.Duration;

/**
 * The Couchbase store's jobs, wired once over one keyspace: everything the store holds while
 * it is open, and lets go of together when it closes (so that a disconnected cluster can be
 * collected even while someone still holds the closed store).
 *
 * @param owned the cluster the store opened and disconnects, or {@code null} when it is the caller's
 */
public record StoreParts(Cluster owned, Collection profiles, Documents documents, ProfileReads reads,
        ProfileLookups lookups, ProfileListing listing, RecordIdScan scan, ProfileWrites writes, PictureDocuments pictures,
        ServiceTokenStore serviceTokens, SharedSecrets secrets, RecordIdCounter counter,
        IdempotencyDocuments idempotency, Maintenance maintenance, Reindexing reindexing, Repairs repairs,
        ProfileSearch search) {

    /** @param queries runs the SQL++ statements; {@code null} for the cluster's query service */
    public static StoreParts wire(Cluster owned, Cluster cluster, CouchbaseSettings settings, QueryRunner queries) {
        CouchbaseKeyspace keyspace = settings.keyspace();
        Scope scope = cluster.bucket(keyspace.bucket()).scope(keyspace.scope());
        Failures failures = new Failures(settings.username());
        WrittenTokens written = new WrittenTokens(settings.listingConsistency(), keyspace.profiles());
        Documents documents = new Documents(failures, settings.durability(), written);
        Duration ddlTimeout = settings.ddlTimeout();
        QueryRunner statementsRunner = queries != null ? queries : QueryRunner.on(scope,
                cluster.environment().timeoutConfig().queryTimeout(), ddlTimeout, failures, written);
        Collection profiles = scope.collection(keyspace.profiles());
        Collection images = scope.collection(keyspace.images());
        Collection lookupDocuments = scope.collection(keyspace.lookups());
        Statements statements = new Statements(keyspace);
        Lookups usernames = new Lookups(lookupDocuments, documents, cluster.environment().timeoutConfig().kvTimeout());
        Nicknames nicknames = new Nicknames(lookupDocuments, documents);
        RecordIdCounter counter = new RecordIdCounter(lookupDocuments, documents);
        ProfileReads reads = new ProfileReads(profiles, documents);
        Repairs repairs = new Repairs(usernames, nicknames, reads);
        return new StoreParts(owned, profiles, documents, reads,
                new ProfileLookups(profiles, documents, usernames, nicknames, reads, repairs),
                new ProfileListing(profiles, documents, statementsRunner, statements),
                new RecordIdScan(cluster, keyspace.bucket(), profiles, failures),
                new ProfileWrites(profiles, images, documents, usernames, nicknames, reads, counter, repairs),
                new PictureDocuments(profiles, images, documents),
                new ServiceTokenStore(scope.collection(keyspace.auth()), documents),
                new SharedSecrets(lookupDocuments, documents),
                counter,
                new IdempotencyDocuments(lookupDocuments, documents),
                new Maintenance(cluster, keyspace, counter, statementsRunner, statements, failures, ddlTimeout),
                new Reindexing(profiles, documents, usernames, nicknames, reads, counter, statementsRunner, statements),
                repairs,
                new ProfileSearch(cluster, keyspace.bucket(), scope, profiles, documents, failures, written,
                        settings.queryTimeout()));
    }
}
