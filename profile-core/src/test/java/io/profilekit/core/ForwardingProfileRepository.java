package io.profilekit.core;

import java.util.List;
import java.util.Optional;

/** Passes every call to another repository; tests override the calls they want to change. */
public class ForwardingProfileRepository implements ProfileRepository {

    private final ProfileRepository delegate;

    public ForwardingProfileRepository(ProfileRepository delegate) {
        this.delegate = delegate;
    }

    /** Where calls go; overridden to switch repositories while a server runs. */
    protected ProfileRepository delegate() {
        return delegate;
    }

    @Override
    public Optional<StoredProfile> findById(long recordId) {
        return delegate().findById(recordId);
    }

    @Override
    public Optional<StoredProfile> findByUsername(String username) {
        return delegate().findByUsername(username);
    }

    @Override
    public List<StoredProfile> findByNickname(String nickname, int limit) {
        return delegate().findByNickname(nickname, limit);
    }

    @Override
    public Page<StoredProfile> list(ProfileQuery query) {
        return delegate().list(query);
    }

    @Override
    public byte[] sharedSecret(String name) {
        return delegate().sharedSecret(name);
    }

    @Override
    public Optional<StoredPicture> findPicture(long pictureId) {
        return delegate().findPicture(pictureId);
    }

    @Override
    public StoredProfile create(Profile profile) {
        return delegate().create(profile);
    }

    @Override
    public StoredProfile replace(Profile profile, Version expected) {
        return delegate().replace(profile, expected);
    }

    @Override
    public void delete(long recordId, Version expected) {
        delegate().delete(recordId, expected);
    }

    @Override
    public StoredPicture putPicture(long recordId, ProfilePicture picture) {
        return delegate().putPicture(recordId, picture);
    }

    @Override
    public void deletePicture(long recordId) {
        delegate().deletePicture(recordId);
    }

    @Override
    public void ping() {
        delegate().ping();
    }

    @Override
    public void close() {
        delegate().close();
    }
}
