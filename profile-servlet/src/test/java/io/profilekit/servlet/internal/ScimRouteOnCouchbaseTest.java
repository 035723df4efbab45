package io.profilekit.servlet.internal;

import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.spi.ProfileStore;

/**
 * SCIM's tests on Couchbase, through the real SDK and CouchbaseMock. What needs no query service
 * (by id, {@code userName eq}, create, PUT, PATCH, DELETE) passes; a filter that reads the
 * listing answers a SCIM error saying the query service is missing.
 */
class ScimRouteOnCouchbaseTest extends ScimRouteTest {

    @Override
    ProfileStore openStore() {
        MockCouchbase.flush();
        return CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE);
    }

    @Override
    boolean lists() {
        return false;
    }
}
