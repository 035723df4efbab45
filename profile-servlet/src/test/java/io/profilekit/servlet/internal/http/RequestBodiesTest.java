package io.profilekit.servlet.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodiesTest {

    private final RequestBodies bodies = new RequestBodies(1);

    private static FakeExchange sending(byte[] body) {
        FakeExchange exchange = new FakeExchange();
        exchange.body = new ByteArrayInputStream(body);
        return exchange;
    }

    private static FakeExchange failingWith(IOException failure) {
        FakeExchange exchange = new FakeExchange();
        exchange.body = new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure;
            }
        };
        return exchange;
    }

    private static int statusOf(ThrowingCallable call) {
        try {
            call.call();
        } catch (HttpProblem problem) {
            return problem.status();
        } catch (Throwable other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("no problem raised");
    }

    @Test
    void readsABodyOfExactlyTheLimit() {
        assertThat(bodies.read(sending(new byte[100]).request(), "the profile", 100)).hasSize(100);
    }

    @Test
    void aDeclaredBodyIsUnreadUntilReadToItsEnd() {
        FakeExchange exchange = sending(new byte[100]);
        exchange.contentLength = 100;
        assertThat(RequestBodies.unread(exchange.request())).isTrue();

        bodies.read(exchange.request(), "the profile", 100);

        assertThat(RequestBodies.unread(exchange.request())).isFalse();
    }

    @Test
    void aBodyCutOffAtTheLimitStaysUnread() {
        FakeExchange exchange = sending(new byte[101]);
        exchange.requestHeaders.put("Transfer-Encoding", "chunked");

        statusOf(() -> bodies.read(exchange.request(), "the profile", 100));

        assertThat(RequestBodies.unread(exchange.request())).isTrue();
    }

    @Test
    void aRequestWithoutABodyHasNoneUnread() {
        FakeExchange exchange = sending(new byte[0]);
        exchange.contentLength = 0;

        assertThat(RequestBodies.unread(exchange.request())).isFalse();
        assertThat(RequestBodies.unread(sending(new byte[0]).request())).isFalse();
    }

    @Test
    void refusesABodyOneByteOverTheLimitAs413() {
        assertThatThrownBy(() -> bodies.read(sending(new byte[101]).request(), "the profile", 100))
                .isInstanceOf(HttpProblem.class).hasMessage("the profile is larger than the limit of 100 bytes");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReadingTheBody() {
        FakeExchange exchange = failingWith(new IOException("must not be read"));
        exchange.contentLength = 101;

        assertThat(statusOf(() -> bodies.read(exchange.request(), "the profile", 100))).isEqualTo(413);
    }

    @Test
    void acceptsADeclaredLengthOfExactlyTheLimit() {
        FakeExchange exchange = sending(new byte[100]);
        exchange.contentLength = 100;

        assertThat(bodies.read(exchange.request(), "the profile", 100)).hasSize(100);
    }

    @Test
    void refusesABodyWhileAllReadersAreBusyAs503AndReadsAgainOnceOneIsFree() {
        int[] inner = new int[1];
        FakeExchange outer = new FakeExchange();
        outer.body = new InputStream() {
            @Override
            public int read() {
                inner[0] = statusOf(() -> bodies.read(sending(new byte[1]).request(), "the profile", 100));
                return -1;
            }
        };

        bodies.read(outer.request(), "the profile", 100);

        assertThat(inner[0]).isEqualTo(503);
        assertThat(bodies.read(sending(new byte[1]).request(), "the profile", 100)).hasSize(1);
    }

    @Test
    void aBodyThatDidNotArriveInTimeIs408() {
        FakeExchange jetty = failingWith(new IOException(new TimeoutException("idle")));
        FakeExchange tomcat = failingWith(new SocketTimeoutException("read timed out"));

        assertThat(statusOf(() -> bodies.read(jetty.request(), "the profile", 100))).isEqualTo(408);
        assertThat(statusOf(() -> bodies.read(tomcat.request(), "the profile", 100))).isEqualTo(408);
    }

    @Test
    void aBodyThatBrokeOffIs400AndFreesItsReader() {
        FakeExchange broken = failingWith(new IOException("early EOF"));

        assertThat(statusOf(() -> bodies.read(broken.request(), "the profile", 100))).isEqualTo(400);
        assertThat(bodies.read(sending(new byte[1]).request(), "the profile", 100)).hasSize(1);
    }

    @Test
    void needsAtLeastOneReader() {
        assertThatThrownBy(() -> new RequestBodies(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConcurrentReads must be positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8",
            "application/json;charset=\"UTF-8\"", "application/json; q=1"})
    void acceptsTheMediaTypeInAnyCaseWithAUtf8Charset(String contentType) {
        FakeExchange exchange = new FakeExchange();
        exchange.requestHeaders.put("Content-Type", contentType);

        RequestBodies.requireMediaType(exchange.request(), "application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json; charset=latin1", "application/json; charset",
            "application/jsonx", ";"})
    void refusesAnotherMediaTypeOrCharsetAs415(String contentType) {
        FakeExchange exchange = new FakeExchange();
        exchange.requestHeaders.put("Content-Type", contentType);

        assertThat(statusOf(() -> RequestBodies.requireMediaType(exchange.request(), "application/json")))
                .isEqualTo(415);
    }

    @Test
    void aBodyWithoutContentTypeIs415SayingSo() {
        assertThatThrownBy(() -> RequestBodies.requireMediaType(new FakeExchange().request(), "application/json"))
                .isInstanceOf(HttpProblem.class)
                .hasMessage("the body must be application/json; the request has no Content-Type");
    }
}
