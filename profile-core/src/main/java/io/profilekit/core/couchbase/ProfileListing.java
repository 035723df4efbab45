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
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Profiles found through lookup documents (by username, by nickname: key-value only) and keyset
 * pages of everything else (all profiles, by e-mail) by a prepared SQL++ statement that selects
 * keys, whose documents are then read by key. Entries are checked against the profile they
 * name; those found stale are left to {@link Repairs}, so a read never writes.
 */
final class ProfileListing {

    private final Collection profiles;
    private final Documents documents;
    private final Lookups lookups;
    private final Nicknames nicknames;
    private final ProfileReads reads;
    private final Repairs repairs;
    private final QueryRunner queries;
    private final Statements statements;

    ProfileListing(Collection profiles, Documents documents, Lookups lookups, Nicknames nicknames,
            ProfileReads reads, Repairs repairs, QueryRunner queries, Statements statements) {
        this.profiles = profiles;
        this.documents = documents;
        this.lookups = lookups;
        this.nicknames = nicknames;
        this.reads = reads;
        this.repairs = repairs;
        this.queries = queries;
        this.statements = statements;
    }

    /** The profile the username's entry names, if it has that username. */
    Optional<StoredProfile> byUsername(String username) {
        Optional<Lookups.Entry> entry;
        try {
            entry = lookups.username(Objects.requireNonNull(username, "username"));
        } catch (InvalidProfileException tooLong) {
            return Optional.empty();
        }
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredProfile> found = reads.byId(entry.get().owner())
                .filter(stored -> ProfileReads.has(stored, username, Profile::userId));
        if (found.isPresent() && entry.get().pending()) {
            repairs.pendingUsername(username, entry.get());
        } else if (found.isEmpty() && !entry.get().pending()) {
            repairs.staleUsername(username, entry.get().owner());
        }
        return found;
    }

    Page<StoredProfile> list(ProfileQuery query) {
        if (query.username() != null) {
            List<StoredProfile> match = byUsername(query.username())
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
            candidates = new ArrayList<>(nicknames.entries(query.nickname()));
        } catch (InvalidProfileException tooLong) {
            return new Page<>(List.of(), OptionalLong.empty());
        }
        candidates.removeIf(id -> id <= query.after());
        List<StoredProfile> items = new ArrayList<>();
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
                    repairs.staleNickname(query.nickname(), id);
                }
            }
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
        List<String> keys = queries.listing(statement, parameters, String.class);
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
