package io.profilekit.servlet;

import io.profilekit.core.ProfileRepository;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.EnumSet;
import java.util.Objects;

/**
 * Registers profilekit's routes in a servlet context: the authentication filter over
 * {@code /api/*}, one servlet per route, and a 404 for everything else. Call it while the
 * context initialises (from a {@code ServletContextListener}); the embedded server and the WAR
 * both do exactly that, so both serve the same API.
 *
 * <pre>{@code
 * public void contextInitialized(ServletContextEvent event) {
 *     ProfileApi.register(event.getServletContext(), repository, new BearerTokenAuthenticator(tokens));
 * }
 * }</pre>
 */
public final class ProfileApi {

    private ProfileApi() {
    }

    /** Adds every route to {@code context}, serving {@code repository} to callers {@code authenticator} accepts. */
    public static void register(ServletContext context, ProfileRepository repository,
            Authenticator authenticator) {
        Objects.requireNonNull(repository, "repository");
        context.addFilter("profilekit-authentication", new AuthenticationFilter(authenticator))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/api/*");

        add(context, "profilekit-profile-by-id",
                new ProfileLookupServlet(repository, ProfileLookupServlet.Key.ID), "/api/v1/id/*");
        add(context, "profilekit-profile-by-username",
                new ProfileLookupServlet(repository, ProfileLookupServlet.Key.USERNAME), "/api/v1/username/*");
        add(context, "profilekit-profiles-by-nickname",
                new ProfileLookupServlet(repository, ProfileLookupServlet.Key.NICKNAME), "/api/v1/nickname/*");
        add(context, "profilekit-picture-record",
                new PictureLookupServlet(repository, PictureLookupServlet.Form.RECORD), "/api/v1/picture/record/*");
        add(context, "profilekit-picture-raw",
                new PictureLookupServlet(repository, PictureLookupServlet.Form.RAW), "/api/v1/picture/raw/*");
        add(context, "profilekit-health", new HealthServlet(), "/healthz");
        add(context, "profilekit-not-found", new NotFoundServlet(), "/");
    }

    private static void add(ServletContext context, String name, Servlet servlet, String mapping) {
        ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
        registration.addMapping(mapping);
        registration.setAsyncSupported(false);
    }
}
