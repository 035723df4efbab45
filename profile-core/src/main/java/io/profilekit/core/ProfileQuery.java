package io.profilekit.core;

/**
 * What to list: optional exact-match filters, and a keyset window of at most {@code limit}
 * profiles whose record id is greater than {@code after}.
 *
 * <pre>{@code
 * ProfileQuery query = ProfileQuery.first(50).withNickname("jsmith");
 * Page<StoredProfile> page = repository.list(query);
 * while (page.hasNext()) {
 *     page = repository.list(query.withAfter(page.next().getAsLong()));
 * }
 * }</pre>
 *
 * @param username only the profile with this {@code user_id}, or {@code null} for any
 * @param nickname only profiles with this {@code nickname}, or {@code null} for any
 * @param email only profiles with this {@code email}, or {@code null} for any
 * @param after list record ids greater than this; 0 starts at the beginning
 * @param limit the most items in one page, between 1 and {@link #MAX_LIMIT}
 */
public record ProfileQuery(String username, String nickname, String email, long after, int limit) {

    /** The page size when none is asked for. */
    public static final int DEFAULT_LIMIT = 50;

    /** The largest page a repository serves. */
    public static final int MAX_LIMIT = 1000;

    public ProfileQuery {
        if (after < 0) {
            throw new IllegalArgumentException("after must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The first page of every profile, {@code limit} at a time. */
    public static ProfileQuery first(int limit) {
        return new ProfileQuery(null, null, null, 0, limit);
    }

    public ProfileQuery withUsername(String value) {
        return new ProfileQuery(value, nickname, email, after, limit);
    }

    public ProfileQuery withNickname(String value) {
        return new ProfileQuery(username, value, email, after, limit);
    }

    public ProfileQuery withEmail(String value) {
        return new ProfileQuery(username, nickname, value, after, limit);
    }

    public ProfileQuery withAfter(long value) {
        return new ProfileQuery(username, nickname, email, value, limit);
    }

    public ProfileQuery withLimit(int value) {
        return new ProfileQuery(username, nickname, email, after, value);
    }

    /** Whether {@code profile} passes this query's filters (the keyset window aside). */
    public boolean matches(Profile profile) {
        return (username == null || username.equals(profile.userId()))
                && (nickname == null || nickname.equals(profile.nickname()))
                && (email == null || email.equals(profile.email()));
    }
}
