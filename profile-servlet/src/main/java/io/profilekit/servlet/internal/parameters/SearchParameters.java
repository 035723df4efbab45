package io.profilekit.servlet.internal.parameters;

import io.profilekit.core.SearchField;
import io.profilekit.core.SearchQuery;
import io.profilekit.servlet.internal.http.HttpProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The query string of {@code GET /api/v1/search}: {@code q} (what was typed) and {@code limit}. */
public final class SearchParameters {

    private static final List<String> KNOWN = List.of("q", "limit");

    private SearchParameters() {
    }

    /**
     * The search a request's parameters ask for, over {@code fields}.
     *
     * @throws HttpProblem 400 naming the parameter that is missing, unknown, repeated or malformed
     */
    public static SearchQuery parse(Map<String, String[]> parameters, Set<SearchField> fields) {
        QueryString.checkKnown(parameters, KNOWN, "search");
        String[] text = parameters.get("q");
        if (text == null) {
            throw HttpProblem.badRequest("query parameter 'q' is missing: it holds what to search for");
        }
        int limit = limit(parameters.get("limit"));
        try {
            return new SearchQuery(text[0], limit, fields);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("query parameter 'q': " + e.getMessage());
        }
    }

    private static int limit(String[] values) {
        if (values == null) {
            return SearchQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(values[0]);
            if (limit >= 1 && limit <= SearchQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw HttpProblem.badRequest("query parameter 'limit' must be a whole number from 1 to "
                + SearchQuery.MAX_LIMIT + ", not '" + values[0] + "'");
    }
}
