package io.profilekit.core.couchbase.internal.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.ServiceNotAvailableException;
import com.couchbase.client.core.retry.RetryReason;
import io.profilekit.core.ProfileException;
import io.profilekit.core.ProfileTooLargeException;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.couchbase.ClusterAnswers;
import io.profilekit.core.couchbase.MockCouchbase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Each answer of a cluster, raised as the SDK raises it, and what profilekit makes of it. */
class FailuresTest {

    private final Failures failures = new Failures("profile-app");

    @AfterEach
    void stopInjecting() {
        MockCouchbase.control("/mock/opfail?code=0&count=0");
    }

    @Test
    void aTimeoutRetriedForAMissingCollectionNamesItAndSaysToRunInit() {
        RuntimeException translated = failures.translate(ClusterAnswers.kvTimeoutAfterRetries(
                RetryReason.COLLECTION_MAP_REFRESH_IN_PROGRESS, RetryReason.COLLECTION_NOT_FOUND));

        assertThat(translated).isInstanceOf(StoreConfigurationException.class).hasMessage(
                "collection 'profiles.user_data' in bucket 'sample_app' does not exist, or user 'profile-app' "
                        + "has no role on it: " + Failures.RUN_INIT);
    }

    @Test
    void aTimeoutRetriedForAuthenticationSaysTheCredentialsWereRefused() {
        RuntimeException translated = failures.translate(
                ClusterAnswers.kvTimeoutAfterRetries(RetryReason.AUTHENTICATION_ERROR));

        assertThat(translated).isInstanceOf(StoreConfigurationException.class)
                .hasMessage("Couchbase refused the credentials of user 'profile-app': check the username and password");
    }

    @Test
    void aTimeoutWithoutATellingRetryReasonSaysCouchbaseDidNotAnswer() {
        RuntimeException translated = failures.translate(
                ClusterAnswers.kvTimeoutAfterRetries(RetryReason.ENDPOINT_NOT_AVAILABLE));

        assertThat(translated).isInstanceOf(StoreUnavailableException.class).hasMessage("Couchbase did not answer in time");
    }

    @Test
    void keyValueNoAccessOnAReadNamesTheUserTheCollectionAndTheDataReaderRole() {
        MockCouchbase.control("/mock/opfail?code=36&count=-1");
        CouchbaseException noAccess = catchThrowableOfType(CouchbaseException.class,
                () -> MockCouchbase.collection().get("user_data:1"));

        assertThat(failures.translate(noAccess)).isInstanceOf(StoreConfigurationException.class).hasMessage(
                "user 'profile-app' may not read documents in profiles._default._default: grant it the Data Reader role");
    }

    @Test
    void keyValueNoAccessOnAWriteNamesTheDataWriterRole() {
        MockCouchbase.control("/mock/opfail?code=36&count=-1");
        CouchbaseException noAccess = catchThrowableOfType(CouchbaseException.class,
                () -> MockCouchbase.collection().remove("user_data:1"));

        assertThat(failures.translate(noAccess)).hasMessageContaining("may not write documents in")
                .hasMessageEndingWith("grant it the Data Writer role");
    }

    @Test
    void aValueTooLargeIsTheProfileTooLargeNotTheStoreUnavailable() {
        MockCouchbase.control("/mock/opfail?code=3&count=-1");
        CouchbaseException tooBig = catchThrowableOfType(CouchbaseException.class,
                () -> MockCouchbase.putRaw("user_images:1", "{}"));

        assertThat(failures.translate(tooBig)).isInstanceOf(ProfileTooLargeException.class)
                .hasMessage("the profile or picture is larger than the store accepts (20 MiB)");
    }

    @Test
    void queryError13014IsAMissingPrivilegeNotRefusedCredentials() {
        CouchbaseException missingPrivilege = ClusterAnswers.queryError(401, 13014,
                "User does not have credentials to run SELECT queries on default:sample_app.profiles.user_data. "
                        + "Add role query_select on default:sample_app.profiles.user_data to allow the statement to run.");

        assertThat(failures.translate(missingPrivilege).getMessage())
                .startsWith("user 'profile-app' lacks a query privilege for this statement (User does not have")
                .contains("Add role query_select on default:sample_app.profiles.user_data")
                .doesNotContain("refused the credentials");
    }

    @Test
    void aQueryAuthenticationErrorIsRefusedCredentials() {
        CouchbaseException refused = ClusterAnswers.queryError(401, 10000, "Authentication Failure");

        assertThat(failures.translate(refused))
                .hasMessage("Couchbase refused the credentials of user 'profile-app': check the username and password");
    }

    @Test
    void aManagementForbiddenSaysTheUserMayNotManageScopesNeverBadCredentials() {
        assertThat(failures.translate(ClusterAnswers.managementForbidden()).getMessage())
                .startsWith("user 'profile-app' may not manage scopes and collections")
                .doesNotContain("credentials");
    }

    @Test
    void aPlanningFailureSaysTheIndexIsMissingAndToRunInit() {
        CouchbaseException noIndex = ClusterAnswers.queryError(500, 4000,
                "No index available on keyspace `default`:`sample_app`.`profiles`.`user_data`");

        assertThat(failures.translate(noIndex)).isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("its index is missing or not built; run init")
                .hasMessageStartingWith("Couchbase could not run a SQL++ statement (4000: No index available on keyspace");
    }

    @Test
    void theLogLineOfAQueryErrorNamesItsKindAndCode() {
        Logger logger = (Logger) LoggerFactory.getLogger(Failures.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            failures.translate(ClusterAnswers.queryError(500, 4000, "No index available on keyspace"));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(line -> assertThat(line)
                .endsWith("(PlanningFailureException, query error 4000)"));
    }

    @Test
    void aServiceTheClusterDoesNotRunIsAMissingServiceNotAnOutage() {
        RuntimeException translated = failures.translate(new ServiceNotAvailableException(
                "The Query service is not available in the cluster.", null));

        assertThat(translated).isInstanceOfSatisfying(StoreConfigurationException.class,
                missing -> assertThat(missing.reason()).isEqualTo(ProfileException.Reason.STORE_LACKS_SERVICE))
                .hasMessage("this Couchbase cluster does not run the service or feature this needs (The Query service"
                        + " is not available in the cluster.)");
    }

    @Test
    void theLogLineNamesTheKindAndRetryReasonsButNoDocumentKey() {
        Logger logger = (Logger) LoggerFactory.getLogger(Failures.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            failures.translate(ClusterAnswers.kvTimeoutAfterRetries(RetryReason.COLLECTION_NOT_FOUND));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("UnambiguousTimeoutException", "COLLECTION_NOT_FOUND")
                .doesNotContain("lookup::", "ada");
    }
}
