package io.profilekit.servlet.auth;

import java.security.Principal;
import java.util.Optional;

/**
 * Who is calling profilekit, as an {@link Authenticator} decided: a {@link Service} (a backend
 * with a shared token: full access) or a {@link Person} (signed in: public views of others, and
 * their own profile). There is no third kind: a request whose principal is neither is refused,
 * so that no authenticator, container or host application can grant access by accident.
 */
public sealed interface Caller extends Principal permits Service, Person {

    /** The caller a principal stands for; empty for any principal that is neither kind. */
    static Optional<Caller> of(Principal principal) {
        return principal instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }
}
