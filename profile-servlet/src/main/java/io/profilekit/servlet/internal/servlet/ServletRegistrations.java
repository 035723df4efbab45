package io.profilekit.servlet.internal.servlet;

import io.profilekit.servlet.internal.ApiHandler;
import io.profilekit.servlet.internal.http.Route;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the API's one servlet in a context as a good guest: under the host's prefix, or at
 * the routes' own paths; on {@code /} only for a whole application of its own (the WAR); with no
 * filter; and with a warning for every path it takes from one of the host's servlets.
 */
public final class ServletRegistrations {

    static final String NAME = "profilekit";
    private static final Logger LOG = LoggerFactory.getLogger(ServletRegistrations.class);

    private ServletRegistrations() {
    }

    /**
     * @param prefix where the API answers: {@code ""} for its routes' own paths, or {@code /profiles}
     * @param wholeApplication whether to answer every other path too (with a 404 problem)
     */
    public static void register(ServletContext context, ApiHandler handler, String prefix, boolean wholeApplication) {
        List<String> mappings = new ArrayList<>();
        if (!prefix.isEmpty()) {
            mappings.add(prefix + "/*");
        } else {
            Set<String> own = new LinkedHashSet<>();
            for (Route route : Route.values()) {
                own.add(route.mapping());
            }
            mappings.addAll(own);
            if (wholeApplication) {
                mappings.add("/");
            }
        }
        if (prefix.isEmpty() && !wholeApplication) {
            warnAboutShadowed(context, mappings);
        }
        ServletRegistration.Dynamic servlet = context.addServlet(NAME, new ApiServlet(handler, prefix));
        servlet.setAsyncSupported(true);
        Set<String> taken = servlet.addMapping(mappings.toArray(String[]::new));
        if (!taken.isEmpty()) {
            LOG.warn("profilekit could not map {}: another servlet of the application has them; mount profilekit"
                    + " under a prefix of its own instead", taken);
        }
    }

    /**
     * Warns when the application's own servlet at {@code /} (Spring's dispatcher, say) would lose
     * the paths profilekit takes; the container's stand-ins there (Jetty's 404 servlet, the
     * containers' static-file servlets) lose nothing a host meant to serve.
     */
    private static void warnAboutShadowed(ServletContext context, List<String> mappings) {
        for (Map.Entry<String, ? extends ServletRegistration> host : context.getServletRegistrations().entrySet()) {
            if (host.getValue().getMappings().contains("/") && !isContainers(host.getValue().getClassName())) {
                LOG.warn("profilekit takes {} from the application's servlet '{}' at /: requests under them reach"
                        + " profilekit, not it; mount profilekit under a prefix of its own if that servlet answers"
                        + " there", mappings, host.getKey());
            }
        }
    }

    private static boolean isContainers(String className) {
        return className == null || className.startsWith("org.eclipse.jetty.") || className.startsWith("org.apache.catalina.");
    }
}
