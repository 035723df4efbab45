package io.profilekit.core.couchbase.internal.query;

import com.couchbase.client.java.Collection;
import com.couchbase.client.java.json.JsonObject;
import io.profilekit.core.Page;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.couchbase.internal.kv.Documents;
import io.profilekit.core.couchbase.internal.kv.Keys;
import io.profilekit.core.couchbase.internal.kv.ProfileReads;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Keyset pages of every profile, or of those with an e-mail, by a prepared SQL++ statement that
 * selects keys, whose documents are then read by key.
 */
public final class ProfileListing {

    private final Collection profiles;
    private final Documents documents;
    private final QueryRunner queries;
    private final Statements statements;

    public ProfileListing(Collection profiles, Documents documents, QueryRunner queries, Statements statements) {
        this.profiles = profiles;
        this.documents = documents;
        this.queries = queries;
        this.statements = statements;
    }

    public CompletableFuture<Page<StoredProfile>> list(ProfileQuery query) {
        JsonObject parameters = JsonObject.create()
                .put("after", query.after())
                .put("limit", query.limit() + 1);
        String statement = statements.list;
        if (query.email() != null) {
            parameters.put("email", query.email());
            statement = statements.listByEmail;
        }
        return queries.listing(statement, parameters, String.class).thenCompose(keys -> {
            OptionalLong cursor = keys.size() > query.limit()
                    ? OptionalLong.of(Keys.recordIdOf(keys.get(query.limit() - 1)))
                    : OptionalLong.empty();
            List<String> pageKeys = keys.subList(0, Math.min(keys.size(), query.limit()));
            return documents.getAll(profiles, pageKeys).thenApply(found -> {
                List<StoredProfile> items = new ArrayList<>(pageKeys.size());
                for (int i = 0; i < pageKeys.size(); i++) {
                    long id = Keys.recordIdOf(pageKeys.get(i));
                    found.get(i).map(result -> ProfileReads.stored(id, result))
                            .filter(stored -> query.matches(stored.profile()))
                            .ifPresent(items::add);
                }
                return new Page<>(items, cursor);
            });
        });
    }
}
