package io.profilekit.servlet.auth;

import java.util.Objects;

/**
 * A signed-in person, known by the username ({@code user_id}) of their profile. An
 * {@link Authenticator} returns one for a person; profilekit then lets them read others'
 * public views and change only their own profile, through {@code /api/v1/me}.
 *
 * @param username the {@code user_id} of the person's profile
 */
public record Person(String username) implements Caller {

    public Person {
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("a person's username must not be blank");
        }
    }

    @Override
    public String getName() {
        return username;
    }

    /** Never the username, which must not reach a log line. */
    @Override
    public String toString() {
        return "Person[username=(hidden)]";
    }
}
