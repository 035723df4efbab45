package io.profilekit.core.couchbase.internal.search;

import com.couchbase.client.java.manager.search.SearchIndex;
import com.fasterxml.jackson.core.type.TypeReference;
import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * profilekit's Search index over the profiles' collection, as {@code init} creates it: a
 * scoped index whose one type mapping is the profiles' collection, indexing the searchable
 * fields with an analyzer that folds accents ({@code asciifolding}), splits at whatever is
 * neither letter nor digit and lower-cases, as {@link io.profilekit.core.spi.SearchText} does.
 * Its definition is {@code search-index.json} beside this class.
 */
public final class SearchIndexDefinition {

    /** The index's name, within the keyspace's scope. */
    public static final String NAME = "profilekit_search";

    private static final String TYPE_PLACEHOLDER = "SCOPE.COLLECTION";

    private SearchIndexDefinition() {
    }

    /** The index definition's parameters (its mapping) for {@code keyspace}. */
    public static Map<String, Object> params(CouchbaseKeyspace keyspace) {
        try (InputStream in = SearchIndexDefinition.class.getResourceAsStream("search-index.json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace(TYPE_PLACEHOLDER, keyspace.scope() + "." + keyspace.profiles());
            return Json.MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("profilekit's search index definition is unreadable", e);
        }
    }

    /** The index to create in {@code keyspace}'s bucket. */
    public static SearchIndex index(CouchbaseKeyspace keyspace) {
        return new SearchIndex(NAME, keyspace.bucket()).params(params(keyspace));
    }
}
