package io.profilekit.servlet.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.internal.Futures;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BodyReadsTest {

    private final BodyReads bodies = new BodyReads(1);

    private static int statusOf(CompletableFuture<?> read) {
        Throwable failure = Futures.unwrap(read.handle((value, error) -> error).join());
        return ((HttpProblem) failure).status();
    }

    @Test
    void readsABodyOfExactlyTheLimit() {
        assertThat(bodies.read(FakeRequest.of("PUT", "/x").body(new byte[100]), "the profile", 100).join())
                .hasSize(100);
    }

    @Test
    void refusesABodyOneByteOverTheLimitAs413NamingIt() {
        CompletableFuture<byte[]> read = bodies.read(FakeRequest.of("PUT", "/x").body(new byte[101])
                .contentLength(-1), "the profile", 100);

        assertThat(statusOf(read)).isEqualTo(413);
        assertThatThrownBy(read::join).hasMessageContaining("the profile is larger than the limit of 100 bytes");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReadingTheBody() {
        FakeRequest request = FakeRequest.of("PUT", "/x").contentLength(101);

        assertThat(statusOf(bodies.read(request, "the profile", 100))).isEqualTo(413);
        assertThat(request.bodyRead()).isFalse();
    }

    @Test
    void refusesABodyWhileAllReadersAreBusyAs503AndReadsAgainOnceOneIsFree() {
        CompletableFuture<byte[]> pending = new CompletableFuture<>();
        FakeRequest slow = FakeRequest.of("PUT", "/x").arriving(pending);
        CompletableFuture<byte[]> first = bodies.read(slow, "the profile", 100);

        assertThat(statusOf(bodies.read(FakeRequest.of("PUT", "/x").body(new byte[1]), "the profile", 100)))
                .isEqualTo(503);
        pending.complete(new byte[2]);
        assertThat(first.join()).hasSize(2);
        assertThat(bodies.read(FakeRequest.of("PUT", "/x").body(new byte[1]), "the profile", 100).join()).hasSize(1);
    }

    @Test
    void needsAtLeastOneReader() {
        assertThatThrownBy(() -> new BodyReads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConcurrentReads must be positive");
    }
}
