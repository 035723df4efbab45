package io.profilekit.servlet.internal;

import io.profilekit.core.spi.ProfileStore;
import io.profilekit.core.testkit.ForwardingProfileStore;

/**
 * Lets one running server serve a fresh store for every test: a server starts in tens of
 * milliseconds but stops in a second (it waits for its idle connections), so test classes keep
 * one server and switch what it serves.
 */
public final class SwitchableStore extends ForwardingProfileStore {

    private volatile ProfileStore current;

    public SwitchableStore(ProfileStore first) {
        super(first);
        current = first;
    }

    /** Serves {@code next} from now on, and closes what was served before. */
    public void use(ProfileStore next) {
        ProfileStore previous = current;
        current = next;
        previous.close();
    }

    @Override
    protected ProfileStore delegate() {
        return current;
    }
}
