package io.profilekit.core.couchbase;

import com.couchbase.client.java.Collection;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.kv.GetResult;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.StoredProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Keyset pages of profiles: by username and by nickname through their lookup documents (KV
 * only), everything else (all profiles, by e-mail) by a prepared SQL++ statement that selects
 * keys, whose documents are then read by key.
 */
final class ProfileListing {

    private final Collection profiles;
    private final Documents documents;
    private final Lookups lookups;
    private final ProfileReads reads;
    private final QueryRunner queries;
    private final Statements statements;

    ProfileListing(Collection profiles, Documents documents, Lookups lookups, ProfileReads reads,
            QueryRunner queries, Statements statements) {
        this.profiles = profiles;
        this.documents = documents;
        this.lookups = lookups;
        this.reads = reads;
        this.queries = queries;
        this.statements = statements;
    }

    Page<StoredProfile> list(ProfileQuery query) {
        if (query.username() != null) {
            List<StoredProfile> match = reads.byUsername(query.username())
                    .filter(stored -> stored.recordId() > query.after() && query.matches(stored.profile()))
                    .map(List::of).orElse(List.of());
            return new Page<>(match, OptionalLong.empty());
        }
        if (query.nickname() != null) {
            return byNickname(query);
        }
        return byQuery(query);
    }

    private Page<StoredProfile> byNickname(ProfileQuery query) {
        List<Long> candidates;
        try {
            candidates = new ArrayList<>(lookups.nicknameEntries(query.nickname()).keySet());
        } catch (InvalidProfileException tooLong) {
            return new Page<>(List.of(), OptionalLong.empty());
        }
        candidates.removeIf(id -> id <= query.after());
        List<StoredProfile> items = new ArrayList<>();
        List<Long> unconfirmed = new ArrayList<>();
        int next = 0;
        while (items.size() <= query.limit() && next < candidates.size()) {
            int wanted = query.limit() + 1 - items.size();
            List<Long> batch = candidates.subList(next, Math.min(candidates.size(), next + wanted));
            next += batch.size();
            List<Optional<GetResult>> found = documents.getAll(profiles, batch.stream().map(Keys::profile).toList());
            for (int i = 0; i < batch.size(); i++) {
                long id = batch.get(i);
                Optional<StoredProfile> stored = found.get(i).map(result -> ProfileReads.stored(id, result));
                if (stored.isPresent() && ProfileReads.has(stored.get(), query.nickname(), Profile::nickname)) {
                    if (query.matches(stored.get().profile())) {
                        items.add(stored.get());
                    }
                } else {
                    unconfirmed.add(id);
                }
            }
        }
        if (!unconfirmed.isEmpty()) {
            lookups.removeStaleNicknames(query.nickname(), unconfirmed);
        }
        return Page.cut(items, query.limit(), StoredProfile::recordId);
    }

    private Page<StoredProfile> byQuery(ProfileQuery query) {
        JsonObject parameters = JsonObject.create()
                .put("after", query.after())
                .put("limit", query.limit() + 1);
        String statement = statements.list;
        if (query.email() != null) {
            parameters.put("email", query.email());
            statement = statements.listByEmail;
        }
        List<String> keys = queries.rows(statement, parameters, String.class);
        OptionalLong cursor = keys.size() > query.limit()
                ? OptionalLong.of(Keys.recordIdOf(keys.get(query.limit() - 1)))
                : OptionalLong.empty();
        List<String> pageKeys = keys.subList(0, Math.min(keys.size(), query.limit()));
        List<Optional<GetResult>> found = documents.getAll(profiles, pageKeys);
        List<StoredProfile> items = new ArrayList<>(pageKeys.size());
        for (int i = 0; i < pageKeys.size(); i++) {
            long id = Keys.recordIdOf(pageKeys.get(i));
            found.get(i).map(result -> ProfileReads.stored(id, result))
                    .filter(stored -> query.matches(stored.profile()))
                    .ifPresent(items::add);
        }
        return new Page<>(items, cursor);
    }
}
