package io.profilekit.server.war;

import java.net.URI;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The built WAR in a real Jetty 12 (ee10 webapp support, embedded, from Maven Central). */
class JettyWarIT {

    private Server jetty;

    @AfterEach
    void stopJetty() throws Exception {
        jetty.stop();
    }

    @Test
    void servesTheDemoStore() throws Exception {
        jetty = new Server(0);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(WarDeployment.CONTEXT_PATH);
        webapp.setWar(WarDeployment.war().toString());
        webapp.setTempDirectory(WarDeployment.workDirectory("jetty").toFile());
        WarDeployment.MEMORY.forEach(webapp::setInitParameter);
        webapp.setThrowUnavailableOnStartupException(true);
        jetty.setHandler(webapp);
        jetty.start();
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();

        WarDeployment.answersEveryKindOfRoute(URI.create("http://localhost:" + port + WarDeployment.CONTEXT_PATH));
    }
}
