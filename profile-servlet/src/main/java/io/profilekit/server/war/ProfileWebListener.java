package io.profilekit.server.war;

import io.profilekit.server.ConfiguredApi;
import io.profilekit.server.settings.ApiSettings;
import io.profilekit.server.settings.Settings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

/**
 * Wires profilekit into a servlet container when it deploys the WAR, and releases everything
 * (Couchbase connections, threads, meters) when it undeploys it. Settings are read as for the
 * jar, with the web application's context parameters ({@code profile.x.y}) as the last source.
 */
public final class ProfileWebListener implements ServletContextListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileWebListener.class);

    private ConfiguredApi service;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        JettyHeaderCache.makeCaseSensitive(context);
        ImageIoPlugins.register();
        Settings settings = Settings.fromSystem().withFallback(context::getInitParameter);
        try {
            service = ConfiguredApi.open(settings);
        } catch (RuntimeException e) {
            LOG.error("profilekit cannot start: {}", e.getMessage());
            throw new IllegalStateException("profilekit cannot start: " + e.getMessage());
        }
        service.api().register(context);
        LOG.info("profilekit serving {} at {}", service.description(), context.getContextPath() + "/");
        service.generatedToken().ifPresent(token -> LOG.warn(
                "No API token is configured; this deployment generated one: {} (set {})", token,
                ApiSettings.TOKENS.name()));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (service != null) {
            service.close();
            service = null;
        }
        // The store released what it started; the Couchbase SDK also ran some work on Reactor's
        // shared schedulers, and in a WAR this application's copy of Reactor is its own, so
        // its threads must end with it (an application that embeds profilekit owns its own).
        Schedulers.shutdownNow();
        ImageIoPlugins.deregister(ProfileWebListener.class.getClassLoader());
        LOG.info("profilekit stopped");
    }
}
