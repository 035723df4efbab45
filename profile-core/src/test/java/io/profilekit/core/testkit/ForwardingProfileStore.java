package io.profilekit.core.testkit;

import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.spi.IdempotencyRecord;
import io.profilekit.core.spi.ProfileStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Passes every call to another store; tests override the calls they want to change (to make
 * a store fail, lose races, or switch stores while a server runs).
 */
public class ForwardingProfileStore implements ProfileStore {

    private final ProfileStore delegate;

    public ForwardingProfileStore(ProfileStore delegate) {
        this.delegate = delegate;
    }

    /** Where calls go; overridden to switch stores while a server runs. */
    protected ProfileStore delegate() {
        return delegate;
    }

    @Override
    public CompletableFuture<Optional<StoredProfile>> findById(long recordId) {
        return delegate().findById(recordId);
    }

    @Override
    public CompletableFuture<Optional<StoredProfile>> findByUsername(String username) {
        return delegate().findByUsername(username);
    }

    @Override
    public CompletableFuture<Page<StoredProfile>> list(ProfileQuery query) {
        return delegate().list(query);
    }

    @Override
    public CompletableFuture<List<StoredProfile>> search(SearchQuery query) {
        return delegate().search(query);
    }

    @Override
    public CompletableFuture<Optional<StoredPicture>> findPicture(long pictureId) {
        return delegate().findPicture(pictureId);
    }

    @Override
    public CompletableFuture<StoredProfile> insert(Profile profile) {
        return delegate().insert(profile);
    }

    @Override
    public CompletableFuture<StoredProfile> replace(StoredProfile current, Profile replacement) {
        return delegate().replace(current, replacement);
    }

    @Override
    public CompletableFuture<Void> delete(StoredProfile current) {
        return delegate().delete(current);
    }

    @Override
    public CompletableFuture<StoredPicture> putPicture(StoredProfile current, ProfilePicture picture) {
        return delegate().putPicture(current, picture);
    }

    @Override
    public CompletableFuture<Void> deletePicture(StoredProfile current) {
        return delegate().deletePicture(current);
    }

    @Override
    public CompletableFuture<byte[]> sharedSecret(String name) {
        return delegate().sharedSecret(name);
    }

    @Override
    public CompletableFuture<Long> reserveRecordId() {
        return delegate().reserveRecordId();
    }

    @Override
    public CompletableFuture<IdempotencyRecord> remember(String key, IdempotencyRecord proposed, Duration lifetime) {
        return delegate().remember(key, proposed, lifetime);
    }

    @Override
    public CompletableFuture<Void> settle(String key, IdempotencyRecord answered, Duration lifetime) {
        return delegate().settle(key, answered, lifetime);
    }

    @Override
    public CompletableFuture<Optional<long[]>> scanRecordIds(long after) {
        return delegate().scanRecordIds(after);
    }

    @Override
    public CompletableFuture<Void> forgetIdempotency(long recordId) {
        return delegate().forgetIdempotency(recordId);
    }

    @Override
    public CompletableFuture<Void> ping() {
        return delegate().ping();
    }

    @Override
    public void close() {
        delegate().close();
    }
}
