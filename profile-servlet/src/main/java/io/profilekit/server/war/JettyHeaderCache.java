package io.profilekit.server.war;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Jetty's per-connection header cache case-sensitive when the WAR runs in a Jetty whose
 * configuration left it case-insensitive, as a stock Jetty 12 does. Otherwise, after one request
 * with the right token on a keep-alive connection, Jetty hands the application that cached
 * value for a header sent later on the same connection in another case, so
 * {@code Bearer SECRET} passes for a token {@code Secret}. Reverse proxies reuse upstream
 * connections, so in production that is the common case.
 *
 * <p>The WAR cannot see Jetty's classes (a web application's class loader hides them), so
 * this goes by reflection from the servlet context to the server's HTTP configurations; in
 * any other container, or a Jetty that answers differently, it does nothing. Connections
 * opened afterwards use the setting; the WAR starts before any request can reach it.
 */
final class JettyHeaderCache {

    private static final Logger LOG = LoggerFactory.getLogger(JettyHeaderCache.class);

    private JettyHeaderCache() {
    }

    /** Makes every HTTP configuration of the Jetty serving {@code context} case-sensitive; logs what it did. */
    static void makeCaseSensitive(ServletContext context) {
        Optional<Object> server = call(context, "getContextHandler").flatMap(handler -> call(handler, "getServer"));
        int changed = 0;
        for (Object connector : server.flatMap(jetty -> call(jetty, "getConnectors"))
                .filter(Object[].class::isInstance).map(Object[].class::cast).orElse(new Object[0])) {
            for (Object factory : call(connector, "getConnectionFactories").filter(Iterable.class::isInstance)
                    .map(Iterable.class::cast).orElse(List.of())) {
                Optional<Object> configuration = call(factory, "getHttpConfiguration");
                if (configuration.isPresent() && isCaseSensitive(configuration.get()).equals(Optional.of(false))) {
                    call(configuration.get(), "setHeaderCacheCaseSensitive", true);
                    if (isCaseSensitive(configuration.get()).equals(Optional.of(true))) {
                        changed++;
                    }
                }
            }
        }
        if (changed > 0) {
            LOG.warn("Jetty's header cache was case-insensitive, which lets a bearer token in another case pass on a"
                    + " reused connection; profilekit made it case-sensitive. Set headerCacheCaseSensitive in the Jetty"
                    + " base (docs/deployment.md) to have it so from the start for every application.");
        }
    }

    private static Optional<Object> isCaseSensitive(Object configuration) {
        return call(configuration, "isHeaderCacheCaseSensitive");
    }

    /** The result of calling the public method {@code name} on {@code target}, if it has one that answers. */
    private static Optional<Object> call(Object target, String name, Object... arguments) {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                try {
                    return Optional.ofNullable(method.invoke(target, arguments));
                } catch (ReflectiveOperationException | IllegalArgumentException | SecurityException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
