package io.profilekit.core.couchbase.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.couchbase.client.core.cnc.Event;
import com.couchbase.client.core.cnc.events.config.BucketOpenRetriedEvent;
import com.couchbase.client.core.cnc.events.config.CollectionMapRefreshFailedEvent;
import com.couchbase.client.core.cnc.events.endpoint.EndpointConnectionFailedEvent;
import com.couchbase.client.core.cnc.events.io.SaslAuthenticationFailedEvent;
import com.couchbase.client.core.error.NoAccessDuringConfigLoadException;
import io.profilekit.core.couchbase.ClusterAnswers;
import io.profilekit.core.couchbase.internal.connection.ConnectionProblems.Problem;
import java.net.ConnectException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The SDK's connection events, built as the SDK publishes them, and the problem each names. */
class ConnectionProblemsTest {

    private final ConnectionProblems problems = new ConnectionProblems();

    @Test
    void aFailedSaslAuthenticationIsRefusedCredentialsAndHopeless() {
        problems.accept(new SaslAuthenticationFailedEvent(Duration.ZERO, null,
                "Authentication Failure - Potential causes: invalid credentials", new byte[0]));

        assertThat(problems.worst()).hasValue(Problem.CREDENTIALS_REFUSED);
        assertThat(problems.isHopeless()).isTrue();
    }

    @Test
    void noAccessWhileLoadingTheBucketConfigIsTheBucketDeniedButWorthWaitingFor() {
        problems.accept(new BucketOpenRetriedEvent("sample_app", Duration.ZERO, null,
                new NoAccessDuringConfigLoadException("Client was denied access to bucket")));

        assertThat(problems.worst()).hasValue(Problem.BUCKET_DENIED);
        assertThat(problems.isHopeless()).isFalse();
    }

    @Test
    void aFailedTlsHandshakeIsTlsWithTheJvmsReason() {
        problems.accept(connectFailed(new SSLHandshakeException("PKIX path building failed")));

        assertThat(problems.worst()).hasValue(Problem.TLS_FAILED);
        assertThat(problems.detail(Problem.TLS_FAILED)).isEqualTo("PKIX path building failed");
    }

    @Test
    void aRefusedConnectionIsUnreachableWithTheAddress() {
        problems.accept(connectFailed(new ConnectException(
                "finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:11210")));

        assertThat(problems.worst()).hasValue(Problem.UNREACHABLE);
        assertThat(problems.detail(Problem.UNREACHABLE)).isEqualTo("connection refused by /127.0.0.1:11210");
    }

    @Test
    void refusedCredentialsOutrankAnUnreachableNode() {
        problems.accept(connectFailed(new ConnectException("Connection refused: /10.0.0.9:11210")));
        problems.accept(new SaslAuthenticationFailedEvent(Duration.ZERO, null, "Authentication Failure", new byte[0]));

        assertThat(problems.worst()).hasValue(Problem.CREDENTIALS_REFUSED);
    }

    @Test
    void anUnknownScopeOrCollectionIsRememberedPerCollection() {
        problems.accept(new CollectionMapRefreshFailedEvent(Duration.ZERO, null, ClusterAnswers.USER_DATA, null,
                CollectionMapRefreshFailedEvent.Reason.UNKNOWN_SCOPE));

        assertThat(problems.missing(ClusterAnswers.USER_DATA)).hasValue("scope");
        assertThat(problems.worst()).isEmpty();
    }

    @Test
    void aCollectionRefreshThatMerelyFailedIsNotAMissingCollection() {
        problems.accept(new CollectionMapRefreshFailedEvent(Duration.ZERO, null, ClusterAnswers.USER_DATA,
                new RuntimeException("timeout"), CollectionMapRefreshFailedEvent.Reason.FAILED));

        assertThat(problems.missing(ClusterAnswers.USER_DATA)).isEmpty();
    }

    private static EndpointConnectionFailedEvent connectFailed(Throwable cause) {
        return new EndpointConnectionFailedEvent(Event.Severity.WARN, Duration.ZERO, null, 1, cause, null);
    }
}
