package io.profilekit.server.war;

import io.profilekit.core.ProfileException;
import io.profilekit.server.ConfiguredApi;
import io.profilekit.server.KnownSettings;
import io.profilekit.server.settings.ApiSettings;
import io.profilekit.server.settings.ConfigurationException;
import io.profilekit.server.settings.Settings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        Settings settings = Settings.fromSystem().withFallback(Settings.Source.listing(context::getInitParameter,
                () -> Collections.list(context.getInitParameterNames()).stream()
                        .filter(name -> name.startsWith(Settings.PREFIX)).toList()));
        try {
            KnownSettings.check(settings);
            service = ConfiguredApi.open(settings);
            awaitReady(service);
        } catch (ConfigurationException | ProfileException e) {
            // Said in one line, as the jar says it; anything else is a bug, whose trace the container logs.
            LOG.error("profilekit cannot start: {}", e.getMessage());
            ImageIoPlugins.deregister(ProfileWebListener.class.getClassLoader());
            throw new IllegalStateException("profilekit cannot start: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            // A container may not call contextDestroyed after a failed start: leave nothing behind.
            ImageIoPlugins.deregister(ProfileWebListener.class.getClassLoader());
            throw e;
        }
        service.api().registerAsApplication(context);
        LOG.info("profilekit serving {} at {}", service.description(), context.getContextPath() + "/");
        service.generatedToken().ifPresent(token -> tellWhereTheTokenIs(context, token));
    }

    /** Waits until the store can serve (the demo store's people are in); closes it if it cannot. */
    private static void awaitReady(ConfiguredApi service) {
        try {
            service.ready().join();
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** The generated token goes to a file only the container's user reads; the log names the file, never the token. */
    private static void tellWhereTheTokenIs(ServletContext context, String token) {
        try {
            LOG.warn("No API token is configured; this deployment generated one, in {} (set {} to choose your own)",
                    GeneratedTokenFile.write(context, token), ApiSettings.TOKENS.name());
        } catch (IOException e) {
            LOG.warn("No API token is configured, and the one this deployment generated could not be written to a"
                    + " file ({}); set {}", e.getMessage(), ApiSettings.TOKENS.name());
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (service != null) {
            service.close();
            service = null;
        }
        ImageIoPlugins.deregister(ProfileWebListener.class.getClassLoader());
        LOG.info("profilekit stopped");
    }
}
