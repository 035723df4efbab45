package io.profilekit.server.war;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
        int port = deploy();

        WarDeployment.answersEveryKindOfRoute(URI.create("http://localhost:" + port + WarDeployment.CONTEXT_PATH));
    }

    /**
     * A stock Jetty's header cache ignores case: after the right token on a keep-alive
     * connection, the same header in another case would reach the application as the cached,
     * right value. The WAR makes the cache case-sensitive when it starts.
     */
    @Test
    void refusesATokenInAnotherCaseOnAReusedConnection() throws Exception {
        int port = deploy();
        String path = WarDeployment.CONTEXT_PATH + "/api/v1/id/1";

        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            assertThat(exchange(socket, path, WarDeployment.TOKEN)).startsWith("HTTP/1.1 200 ");
            assertThat(exchange(socket, path, WarDeployment.TOKEN.toUpperCase(Locale.ROOT))).startsWith("HTTP/1.1 401 ");
            assertThat(exchange(socket, path, WarDeployment.TOKEN)).startsWith("HTTP/1.1 200 ");
        }
    }

    /** One GET on a kept-alive connection; the answer's head, its body read by Content-Length. */
    private static String exchange(Socket socket, String path, String token) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) next);
        }
        String lower = head.toString().toLowerCase(Locale.ROOT);
        int at = lower.indexOf("content-length:");
        in.readNBytes(Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim()));
        return head.toString();
    }

    private int deploy() throws Exception {
        jetty = new Server(0);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(WarDeployment.CONTEXT_PATH);
        webapp.setWar(WarDeployment.war().toString());
        webapp.setTempDirectory(WarDeployment.workDirectory("jetty").toFile());
        WarDeployment.MEMORY.forEach(webapp::setInitParameter);
        webapp.setThrowUnavailableOnStartupException(true);
        jetty.setHandler(webapp);
        jetty.start();
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }
}
