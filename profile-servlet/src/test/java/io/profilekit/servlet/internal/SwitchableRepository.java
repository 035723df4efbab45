package io.profilekit.servlet.internal;

import io.profilekit.core.ForwardingProfileRepository;
import io.profilekit.core.ProfileRepository;

/**
 * Lets one running server serve a fresh repository for every test: a server starts in tens of
 * milliseconds but stops in a second (it waits for its idle connections), so test classes keep
 * one server and switch what it serves.
 */
public final class SwitchableRepository extends ForwardingProfileRepository {

    private volatile ProfileRepository current;

    public SwitchableRepository(ProfileRepository first) {
        super(first);
        current = first;
    }

    /** Serves {@code next} from now on, and closes what was served before. */
    public void use(ProfileRepository next) {
        ProfileRepository previous = current;
        current = next;
        previous.close();
    }

    @Override
    protected ProfileRepository delegate() {
        return current;
    }
}
