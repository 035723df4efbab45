package io.profilekit.core.internal;

import java.time.Duration;

/** Checks of the durations that settings builders take. */
public final class Durations {

    private Durations() {
    }

    /**
     * {@code value}, when it is longer than zero.
     *
     * @throws IllegalArgumentException naming {@code name} when it is null, zero or negative
     */
    public static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
