package io.profilekit.servlet.internal.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** How {@link ProfileApi}'s registrations share a host application's servlet context. */
class ServletRegistrationsTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ServletRegistrations.class);
    private final ProfileApi api = ProfileApi.builder(ProfileRepository.of(new InMemoryProfileStore()))
            .authenticator(new BearerTokenAuthenticator(List.of("test-token-4f9a1c2e")))
            .build();
    private Server server;

    @BeforeEach
    void captureWarnings() {
        warnings.start();
        logger.addAppender(warnings);
        logger.setLevel(Level.WARN);
    }

    @AfterEach
    void stop() throws Exception {
        logger.detachAppender(warnings);
        logger.setLevel(null);
        if (server != null) {
            server.stop();
        }
        api.close();
    }

    @Test
    void underAPrefixAnswersThereAndLeavesItsOwnPathsToTheHost() throws Exception {
        start(true, context -> api.register(context, "/profiles"));

        assertThat(get("/app/profiles/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/app/healthz").body()).isEqualTo("host");
    }

    @Test
    void underAPrefixAuthenticatesItsApi() throws Exception {
        start(true, context -> api.register(context, "/profiles"));

        HttpResponse<String> response = get("/app/profiles/api/v1/profiles");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void atItsOwnPathsLeavesEveryOtherPathToTheHost() throws Exception {
        start(true, api::register);

        assertThat(get("/app/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/app/about").body()).isEqualTo("host");
        assertThat(get("/app/").body()).isEqualTo("host");
    }

    @Test
    void atItsOwnPathsWarnsThatItTakesThemFromTheHostsRootServlet() throws Exception {
        start(true, api::register);

        assertThat(warnings.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("'host'", "/api/v1/profiles", "prefix");
        });
    }

    @Test
    void underAPrefixDoesNotWarn() throws Exception {
        start(true, context -> api.register(context, "/profiles"));

        assertThat(warnings.list).isEmpty();
    }

    @Test
    void doesNotWarnAboutTheContainersStandInAtTheRoot() throws Exception {
        start(false, api::register);

        assertThat(get("/app/healthz").statusCode()).isEqualTo(200);
        assertThat(warnings.list).isEmpty();
    }

    @Test
    void asTheWholeApplicationAnswersUnknownPathsWithAProblem() throws Exception {
        start(false, api::registerAsApplication);

        HttpResponse<String> response = get("/app/nowhere");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    /** Starts a context at {@code /app}, with a servlet of the host's own at {@code /} if asked. */
    private void start(boolean hostServlet, Consumer<ServletContext> registration) throws Exception {
        ServletContextHandler context = new ServletContextHandler("/app");
        if (hostServlet) {
            context.addServlet(new ServletHolder("host", new HttpServlet() {
                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.getWriter().write("host");
                }
            }), "/");
        }
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                registration.accept(event.getServletContext());
            }
        });
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
