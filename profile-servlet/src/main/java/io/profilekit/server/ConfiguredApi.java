package io.profilekit.server;

import io.profilekit.core.FieldVisibility;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.SearchField;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.server.settings.ApiSettings;
import io.profilekit.server.settings.ConfigurationException;
import io.profilekit.server.settings.DemoSettings;
import io.profilekit.server.settings.FieldSettings;
import io.profilekit.server.settings.OidcSettings;
import io.profilekit.server.settings.PictureSettings;
import io.profilekit.server.settings.Settings;
import io.profilekit.server.settings.StoreSettings;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.Authenticator;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import io.profilekit.servlet.auth.OidcAuthenticator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * profilekit assembled from its settings: the repository (the in-memory demo store, or
 * Couchbase), who may call the API (configured tokens, the stored service token, re-read
 * while serving, and people's OpenID Connect tokens when an issuer is set), and the
 * {@link ProfileApi}. The embedded server and the WAR both serve one;
 * closing it releases all of it.
 */
public final class ConfiguredApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredApi.class);

    private final ProfileRepository repository;
    private final ServerMeters meters;
    private final ProfileApi api;
    private final TokenRefresher refresher;
    private final String description;
    private final String generatedToken;
    private final CompletableFuture<Void> ready;

    private ConfiguredApi(ProfileRepository repository, ServerMeters meters, ProfileApi api, TokenRefresher refresher,
            String description, String generatedToken, CompletableFuture<Void> ready) {
        this.ready = ready;
        this.repository = repository;
        this.meters = meters;
        this.api = api;
        this.refresher = refresher;
        this.description = description;
        this.generatedToken = generatedToken;
    }

    /**
     * Opens the store the settings name and builds the API over it; a stored service token is
     * re-read every 30 seconds.
     *
     * @throws ConfigurationException when a setting is wrong or no API token exists
     * @throws io.profilekit.core.StoreUnavailableException when Couchbase cannot be reached
     */
    public static ConfiguredApi open(Settings settings) {
        return open(settings, TokenRefresher.INTERVAL);
    }

    /** As {@link #open(Settings)}, re-reading the stored service token every {@code tokenRefresh}. */
    static ConfiguredApi open(Settings settings, Duration tokenRefresh) {
        ApiSettings api = ApiSettings.from(settings);
        People people = new People(OidcSettings.from(settings).authenticator(), FieldSettings.from(settings),
                FieldSettings.searchFields(settings));
        PictureSettings pictures = PictureSettings.from(settings);
        Optional<CouchbaseSettings> couchbase = StoreSettings.from(settings).couchbase();
        if (couchbase.isPresent()) {
            return couchbase(couchbase.get(), api, people, pictures, tokenRefresh);
        }
        return memory(DemoSettings.from(settings), api, people, pictures);
    }

    /** How signed-in people are known (none without an OpenID Connect issuer), what they see, what search matches. */
    private record People(Optional<OidcAuthenticator> authenticator, FieldVisibility visibility,
            Set<SearchField> searchFields) {

        /** For the log: whose tokens sign people in, if anyone's. */
        String describe() {
            return authenticator.map(oidc -> ", people signed in by " + oidc.issuer()).orElse("");
        }

        /** Services by their shared tokens, then people by their tokens. */
        Authenticator withServices(BearerTokenAuthenticator services) {
            return authenticator.<Authenticator>map(oidc -> Authenticator.firstOf(services, oidc)).orElse(services);
        }
    }

    private static ConfiguredApi memory(DemoSettings demo, ApiSettings settings, People people,
            PictureSettings pictures) {
        List<String> configured = settings.tokens();
        String generated = configured.isEmpty() ? newToken() : null;
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        CompletableFuture<Void> filled = DemoData.fillInBackground(repository, demo);
        List<String> tokens = generated != null ? List.of(generated) : configured;
        ServerMeters meters = new ServerMeters();
        ProfileApi api = api(repository, meters, people.withServices(new BearerTokenAuthenticator(tokens)), settings,
                people, pictures);
        return new ConfiguredApi(repository, meters, api, null, "the in-memory store" + people.describe(), generated,
                filled);
    }

    private static ConfiguredApi couchbase(CouchbaseSettings settings, ApiSettings api, People people,
            PictureSettings pictures, Duration tokenRefresh) {
        List<String> configured = api.tokens();
        CouchbaseProfileStore store = CouchbaseProfileStore.connect(settings);
        ProfileRepository repository = ProfileRepository.of(store);
        try {
            List<String> tokens = TokenRefresher.accepted(configured, store.serviceToken());
            if (tokens.isEmpty()) {
                throw new ConfigurationException("no API token: set " + ApiSettings.TOKENS.environmentName()
                        + ", or store one in service_auth:1 (the generate command does)");
            }
            BearerTokenAuthenticator authenticator = new BearerTokenAuthenticator(tokens);
            TokenRefresher refresher = TokenRefresher.start(configured, store::serviceToken, authenticator,
                    tokens, tokenRefresh);
            String description = "Couchbase " + settings.keyspace().bucket() + "." + settings.keyspace().scope()
                    + " (" + tokens.size() + " API token(s))" + people.describe();
            ServerMeters meters = new ServerMeters();
            return new ConfiguredApi(repository, meters, api(repository, meters, people.withServices(authenticator),
                    api, people, pictures), refresher, description, null, CompletableFuture.completedFuture(null));
        } catch (RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    private static ProfileApi api(ProfileRepository repository, ServerMeters meters, Authenticator authenticator,
            ApiSettings settings, People people, PictureSettings pictures) {
        ProfileApi.Builder builder = ProfileApi.builder(repository).authenticator(authenticator)
                .meterRegistry(meters.registry())
                .fieldVisibility(people.visibility())
                .searchFields(people.searchFields());
        return pictures.applyTo(settings.applyTo(builder)).build();
    }

    /** The API to register or serve. */
    public ProfileApi api() {
        return api;
    }

    /**
     * What is served, for the log: "the in-memory store", "Couchbase sample_app.profiles (...)",
     * and whose tokens sign people in.
     */
    public String description() {
        return description;
    }

    /**
     * Completes once the store can serve: at once over Couchbase; for the demo store, once its
     * people are in (they are read while the server starts). Fails when they cannot be. A copy:
     * completing it changes nothing.
     */
    public CompletableFuture<Void> ready() {
        return ready.copy();
    }

    /** The token generated because none was configured (in-memory store only). */
    public Optional<String> generatedToken() {
        return Optional.ofNullable(generatedToken);
    }

    /**
     * Stops the token refresh, the API's workers and the meters, and closes the repository;
     * over Couchbase, also the SDK's threads on Reactor's shared schedulers, as the jar and the
     * WAR are the whole of their class loader.
     */
    @Override
    public void close() {
        if (refresher != null) {
            refresher.close();
        }
        api.close();
        meters.close();
        repository.close();
        if (refresher != null) { // only a Couchbase store has tokens to refresh
            CouchbaseProfileStore.releaseSharedThreads();
        }
    }

    static String newToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
