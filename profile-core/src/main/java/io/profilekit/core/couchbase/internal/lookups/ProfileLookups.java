package io.profilekit.core.couchbase.internal.lookups;

import com.couchbase.client.java.Collection;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.couchbase.internal.kv.Documents;
import io.profilekit.core.couchbase.internal.kv.Keys;
import io.profilekit.core.couchbase.internal.kv.ProfileReads;
import io.profilekit.core.internal.Futures;
import io.profilekit.core.spi.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Profiles found through lookup entries, by key-value alone: by username (one entry, one
 * profile) and by nickname (one entry, the profiles it names). Entries are checked against the
 * profile they name; those found stale are left to {@link Repairs}, so a read never writes.
 */
public final class ProfileLookups {

    private final Collection profiles;
    private final Documents documents;
    private final Lookups lookups;
    private final Nicknames nicknames;
    private final ProfileReads reads;
    private final Repairs repairs;

    public ProfileLookups(Collection profiles, Documents documents, Lookups lookups, Nicknames nicknames,
            ProfileReads reads, Repairs repairs) {
        this.profiles = profiles;
        this.documents = documents;
        this.lookups = lookups;
        this.nicknames = nicknames;
        this.reads = reads;
        this.repairs = repairs;
    }

    /** The profile the username's entry names, if it has that username. */
    public CompletableFuture<Optional<StoredProfile>> byUsername(String username) {
        return Futures.then(lookups.username(username), (entry, error) -> {
            if (error instanceof InvalidProfileException) {
                return CompletableFuture.completedFuture(Optional.empty()); // too long to be anyone's
            }
            if (error != null) {
                return CompletableFuture.failedFuture(error);
            }
            if (entry.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            Lookups.Entry found = entry.get();
            return reads.byId(found.owner()).thenApply(stored -> {
                Optional<StoredProfile> holder = stored.filter(profile -> ProfileReads.has(profile, username,
                        Profile::userId));
                if (holder.isPresent() && found.pending()) {
                    repairs.pendingUsername(username, found);
                } else if (holder.isEmpty() && !found.pending()) {
                    repairs.staleUsername(username, found.owner());
                }
                return holder;
            });
        });
    }

    /** A page of the one profile with the query's username, if it is in the query's window. */
    public CompletableFuture<Page<StoredProfile>> pageByUsername(ProfileQuery query) {
        return byUsername(query.username()).thenApply(found -> new Page<>(found
                .filter(stored -> stored.recordId() > query.after() && query.matches(stored.profile()))
                .map(List::of).orElse(List.of()), OptionalLong.empty()));
    }

    /** A page of the profiles with the query's nickname, read by key in record id order. */
    public CompletableFuture<Page<StoredProfile>> pageByNickname(ProfileQuery query) {
        return Futures.then(Futures.attempt(() -> nicknames.entries(query.nickname())), (entries, error) -> {
            if (error instanceof InvalidProfileException) {
                return CompletableFuture.completedFuture(new Page<>(List.of(), OptionalLong.empty()));
            }
            if (error != null) {
                return CompletableFuture.failedFuture(error);
            }
            List<Long> candidates = entries.stream().filter(id -> id > query.after()).toList();
            return collect(query, candidates, 0, new ArrayList<>());
        });
    }

    /**
     * Reads candidates from {@code next} on, a batch at a time of as many as the page still
     * needs, until the page has one more than its limit or the candidates run out.
     */
    private CompletableFuture<Page<StoredProfile>> collect(ProfileQuery query, List<Long> candidates, int next,
            List<StoredProfile> items) {
        if (items.size() > query.limit() || next >= candidates.size()) {
            return CompletableFuture.completedFuture(Pages.cut(items, query.limit(), StoredProfile::recordId));
        }
        int wanted = query.limit() + 1 - items.size();
        List<Long> batch = candidates.subList(next, Math.min(candidates.size(), next + wanted));
        return documents.getAll(profiles, batch.stream().map(Keys::profile).toList()).thenCompose(found -> {
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
            return collect(query, candidates, next + batch.size(), items);
        });
    }
}
