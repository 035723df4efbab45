package io.profilekit.servlet.internal.parameters;

import io.profilekit.core.ProfileQuery;
import io.profilekit.servlet.internal.http.HttpProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The query string of {@code GET /api/v1/profiles}: {@code limit}, {@code after}, and the
 * exact-match filters {@code username}, {@code nickname}, {@code email}; and the relative URL
 * of the page after one.
 */
public final class ListingParameters {

    private static final List<String> KNOWN = List.of("limit", "after", "username", "nickname", "email");

    private ListingParameters() {
    }

    /**
     * The query a request's parameters ask for.
     *
     * @throws HttpProblem 400 naming the parameter that is unknown, repeated or malformed
     */
    public static ProfileQuery parse(Map<String, String[]> parameters) {
        QueryString.checkKnown(parameters, KNOWN, "the listing");
        int limit = (int) number(parameters, "limit", ProfileQuery.DEFAULT_LIMIT, 1, ProfileQuery.MAX_LIMIT);
        long after = number(parameters, "after", 0, 0, Long.MAX_VALUE);
        return new ProfileQuery(text(parameters, "username"), text(parameters, "nickname"),
                text(parameters, "email"), after, limit);
    }

    /** The relative URL of the page after {@code next}, with the same filters and limit. */
    public static String nextPage(String basePath, ProfileQuery query, long next) {
        StringBuilder url = new StringBuilder(basePath).append("?limit=").append(query.limit())
                .append("&after=").append(next);
        append(url, "username", query.username());
        append(url, "nickname", query.nickname());
        append(url, "email", query.email());
        return url.toString();
    }

    private static void append(StringBuilder url, String name, String value) {
        if (value != null) {
            url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String text(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values[0].isEmpty() || values[0].length() > PathParameters.MAX_SEGMENT_LENGTH) {
            throw HttpProblem.badRequest("query parameter '" + name + "' must be 1 to "
                    + PathParameters.MAX_SEGMENT_LENGTH + " characters");
        }
        return values[0];
    }

    private static long number(Map<String, String[]> parameters, String name, long defaultValue, long min, long max) {
        String[] values = parameters.get(name);
        if (values == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(values[0]);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw HttpProblem.badRequest("query parameter '" + name + "' must be a whole number from " + min
                + " to " + max + ", not '" + values[0] + "'");
    }
}
