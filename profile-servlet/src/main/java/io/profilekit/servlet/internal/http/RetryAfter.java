package io.profilekit.servlet.internal.http;

import java.time.Duration;

/**
 * The one {@code Retry-After} policy: whole seconds, rounded up, never less than one; the
 * store's failures say their own wait (when its next probe is due), and what is busy or out of
 * reach for a moment (a full queue, the body-read limit, an identity provider) says
 * {@link #SHORTLY}.
 */
public final class RetryAfter {

    /** The wait for what is busy or out of reach for a moment. */
    public static final Duration SHORTLY = Duration.ofSeconds(1);

    private RetryAfter() {
    }

    /** The header's value for {@code wait}: whole seconds, rounded up, at least one. */
    public static String seconds(Duration wait) {
        long millis = Math.max(1, wait.toMillis());
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
