package io.profilekit.servlet;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.profilekit.core.ProfileRepository;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * profilekit's HTTP API, ready to register in a servlet context: request ids, metrics and (when
 * asked for) the access log on every request, authentication over {@code /api/*}, one servlet
 * per route, and a 404 for everything else. The embedded server and the WAR both call
 * {@link #register} while their context initialises, so both serve the same API.
 *
 * <pre>{@code
 * ProfileApi api = ProfileApi.builder(repository)
 *         .authenticator(new BearerTokenAuthenticator(tokens))
 *         .build();
 * api.register(servletContext);   // from ServletContextListener.contextInitialized
 * }</pre>
 */
public final class ProfileApi implements AutoCloseable {

    private final ProfileRepository repository;
    private final Authenticator authenticator;
    private final ApiLimits limits;
    private final boolean accessLog;
    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> binders;

    private ProfileApi(Builder builder) {
        repository = builder.repository;
        authenticator = Objects.requireNonNull(builder.authenticator, "an authenticator is required");
        limits = builder.limits;
        accessLog = builder.accessLog;
        registry = builder.registry != null ? builder.registry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gc = new JvmGcMetrics();
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics())) {
            binder.bindTo(registry);
        }
        binders = List.of(gc);
    }

    /** An API over {@code repository}. */
    public static Builder builder(ProfileRepository repository) {
        return new Builder(repository);
    }

    /** The registry {@code /metrics} serves; bind your own meters (a container's, say) to it. */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    /** Adds every filter and route to {@code context}; call it while the context initialises. */
    public void register(ServletContext context) {
        filter(context, "profilekit-observation", new ObservationFilter(registry, accessLog), "/*");
        filter(context, "profilekit-authentication", new AuthenticationFilter(authenticator), "/api/*");

        servlet(context, "profilekit-profile-by-id",
                new ProfileLookupServlet(repository, ProfileLookupServlet.Key.ID), "/api/v1/id/*");
        servlet(context, "profilekit-profile-by-username",
                new ProfileLookupServlet(repository, ProfileLookupServlet.Key.USERNAME), "/api/v1/username/*");
        servlet(context, "profilekit-profiles-by-nickname",
                new ProfileLookupServlet(repository, ProfileLookupServlet.Key.NICKNAME), "/api/v1/nickname/*");
        servlet(context, "profilekit-picture-record",
                new PictureLookupServlet(repository, PictureLookupServlet.Form.RECORD), "/api/v1/picture/record/*");
        servlet(context, "profilekit-picture-raw",
                new PictureLookupServlet(repository, PictureLookupServlet.Form.RAW), "/api/v1/picture/raw/*");
        servlet(context, "profilekit-profiles", new ProfilesServlet(repository, limits), "/api/v1/profiles",
                "/api/v1/profiles/*");
        servlet(context, "profilekit-health", new HealthServlet(), "/healthz");
        servlet(context, "profilekit-readiness", new ReadinessServlet(repository), "/readyz");
        servlet(context, "profilekit-metrics", new MetricsServlet(registry), "/metrics");
        servlet(context, "profilekit-openapi", new OpenApiServlet(), "/openapi.yaml");
        servlet(context, "profilekit-not-found", new NotFoundServlet(), "/");
    }

    /** Releases the metrics' resources (the GC listener); the repository stays open. */
    @Override
    public void close() throws Exception {
        for (AutoCloseable binder : binders) {
            binder.close();
        }
        registry.close();
    }

    private static void filter(ServletContext context, String name, Filter filter, String mapping) {
        context.addFilter(name, filter).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, mapping);
    }

    private static void servlet(ServletContext context, String name, Servlet servlet, String... mappings) {
        ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
        registration.addMapping(mappings);
        registration.setAsyncSupported(false);
    }

    /** Builds a {@link ProfileApi}. */
    public static final class Builder {
        private final ProfileRepository repository;
        private Authenticator authenticator;
        private ApiLimits limits = ApiLimits.DEFAULTS;
        private boolean accessLog;
        private PrometheusMeterRegistry registry;

        private Builder(ProfileRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
        }

        /** Who may call {@code /api/}. Required. */
        public Builder authenticator(Authenticator value) {
            authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        /** Body and picture limits; {@link ApiLimits#DEFAULTS} unless set. */
        public Builder limits(ApiLimits value) {
            limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /**
         * Whether to write an access-log line per request to the logger {@code io.profilekit.access}.
         * Off unless set: in profilekit's benchmark it cost about a quarter of the server's CPU per
         * request, and the metrics count the same requests.
         */
        public Builder accessLog(boolean value) {
            accessLog = value;
            return this;
        }

        /** The registry to record into and serve; a new one unless set. */
        public Builder meterRegistry(PrometheusMeterRegistry value) {
            registry = Objects.requireNonNull(value, "registry");
            return this;
        }

        public ProfileApi build() {
            return new ProfileApi(this);
        }
    }
}
