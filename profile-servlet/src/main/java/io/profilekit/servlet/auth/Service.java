package io.profilekit.servlet.auth;

import java.util.Objects;

/**
 * A backend calling with a shared token: it may read and change every profile, and has no
 * profile of its own. {@link BearerTokenAuthenticator} answers one for each valid token.
 *
 * @param name what the service is called in logs and metrics (never its token)
 */
public record Service(String name) implements Caller {

    /** The service of a shared API token. */
    public static final Service WITH_TOKEN = new Service("service");

    public Service {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String getName() {
        return name;
    }
}
