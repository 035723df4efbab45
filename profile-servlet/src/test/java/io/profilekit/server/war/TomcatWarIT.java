package io.profilekit.server.war;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.ProfilePicture;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.pictures.ImageInspector;
import io.profilekit.core.pictures.PictureRenderer;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.imageio.spi.IIORegistry;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The built WAR in a real Tomcat 10.1 (embedded, from Maven Central). */
class TomcatWarIT {

    private Tomcat tomcat;
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void prepareTomcat() throws Exception {
        Logger.getLogger("org.apache.catalina").addHandler(capture);
        tomcat = new Tomcat();
        Path base = WarDeployment.workDirectory("tomcat");
        java.nio.file.Files.createDirectories(base.resolve("webapps"));
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        tomcat.getHost().setAutoDeploy(false);
        tomcat.setAddDefaultWebXmlToWebapp(false);
    }

    @AfterEach
    void stopTomcat() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        Logger.getLogger("org.apache.catalina").removeHandler(capture);
    }

    /** Deploys the WAR with context parameters as an operator's context.xml would give them, and starts Tomcat. */
    private URI deploy(Map<String, String> parameters) throws Exception {
        Path war = WarDeployment.war();
        Context context = tomcat.addWebapp(WarDeployment.CONTEXT_PATH, war.toString());
        parameters.forEach(context::addParameter);
        tomcat.start();
        assertThat(context.getState().isAvailable()).as("the WAR deployed").isTrue();
        return URI.create("http://localhost:" + tomcat.getConnector().getLocalPort() + WarDeployment.CONTEXT_PATH);
    }

    private void undeploy() throws Exception {
        Context context = (Context) tomcat.getHost().findChild(WarDeployment.CONTEXT_PATH);
        context.stop();
        context.destroy();
    }

    private List<String> leakWarnings() {
        return warnings.stream()
                .map(record -> record.getLoggerName() + ": " + new java.util.logging.SimpleFormatter().formatMessage(record))
                .filter(message -> message.contains("memory leak") || message.contains("failed to stop")
                        || message.contains("ThreadLocal"))
                .toList();
    }

    @Test
    void servesTheDemoStoreAndUndeploysWithoutLeaks() throws Exception {
        URI base = deploy(WarDeployment.MEMORY);

        WarDeployment.answersEveryKindOfRoute(base);
        undeploy();

        assertThat(leakWarnings()).isEmpty();
    }

    @Test
    void writesAGeneratedTokenToAFileOnlyItsOwnerReadsAndNotToTheLog() throws Exception {
        List<LogRecord> records = new ArrayList<>();
        Handler all = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("io.profilekit").addHandler(all);
        try {
            URI base = deploy(Map.of("profile.demo.profiles", "5"));
            Context context = (Context) tomcat.getHost().findChild(WarDeployment.CONTEXT_PATH);
            Path file = ((java.io.File) context.getServletContext().getAttribute(ServletContext.TEMPDIR)).toPath()
                    .resolve("profilekit-api-token");
            String token = Files.readString(file).strip();

            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/id/1"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).isEqualTo(200);
            assertThat(records).extracting(record -> new java.util.logging.SimpleFormatter().formatMessage(record))
                    .anyMatch(message -> message.contains(file.toString()))
                    .noneMatch(message -> message.contains(token));
        } finally {
            Logger.getLogger("io.profilekit").removeHandler(all);
        }
    }

    @Test
    void servesCouchbaseAndClosesItsConnectionsOnUndeploy() throws Exception {
        MockCouchbase.flush();
        MockCouchbase.putRaw("user_data:1", "{\"record_id\": 1, \"user_id\": \"seeded\", \"picture\": 1}");
        MockCouchbase.putRaw("user_images:1", "{\"record_id\": 1, \"type\": \"jpeg\", \"image\": \"/9j/4AAQ\"}");
        URI base = deploy(Map.ofEntries(
                Map.entry("profile.api.tokens", WarDeployment.TOKEN),
                Map.entry("profile.db.connection-string", MockCouchbase.connectionString()),
                Map.entry("profile.db.username", MockCouchbase.BUCKET),
                Map.entry("profile.db.password", MockCouchbase.PASSWORD),
                Map.entry("profile.db.bucket", MockCouchbase.BUCKET),
                Map.entry("profile.db.scope", "_default"),
                Map.entry("profile.db.profiles-collection", "_default"),
                Map.entry("profile.db.images-collection", "_default"),
                Map.entry("profile.db.auth-collection", "_default"),
                Map.entry("profile.db.lookups-collection", "_default"),
                // The webapp loads the SDK's classes afresh, which on a busy machine takes a while.
                Map.entry("profile.db.connect-timeout", "60s"),
                Map.entry("profile.db.kv-timeout", "10s")));

        WarDeployment.answersEveryKindOfRoute(base);
        undeploy();

        assertThat(leakWarnings()).isEmpty();
    }

    @Test
    void readsJpeg2000WithItsOwnPluginsAndTakesThemAlongOnUndeploy() throws Exception {
        byte[] seedAvatar;
        try (var in = TomcatWarIT.class.getResourceAsStream("/io/profilekit/core/pictures/renderer/avatar-rgba.jp2")) {
            seedAvatar = in.readAllBytes();
        }
        URI base = deploy(WarDeployment.MEMORY);

        HttpResponse<byte[]> stored = WarDeployment.sendAs(WarDeployment.TOKEN, base, "PUT",
                "/api/v1/profiles/1/picture", "image/jp2", seedAvatar);
        HttpResponse<byte[]> rendered = WarDeployment.sendAs(WarDeployment.TOKEN, base, "GET",
                "/api/v1/profiles/1/picture?size=32", null, null);
        undeploy();

        assertThat(stored.statusCode()).isEqualTo(204);
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(rendered.headers().firstValue("Content-Type")).contains("image/png");
        assertNoPluginOfTheWarIsRegistered();
        assertThat(ImageInspector.check(ProfilePicture.of(seedAvatar), 2048))
                .isEqualTo(new ImageInspector.Dimensions(128, 128));
        assertThat(new PictureRenderer(2048).render(seedAvatar, 32, PictureRenderer.Encoding.PNG).mediaType())
                .as("the test class path's JPEG 2000 reader, registered again").isEqualTo("image/png");
    }

    @Test
    void refusesToStartWithAMisspeltSettingAndLeavesNoPluginBehind() throws Exception {
        Context context = tomcat.addWebapp(WarDeployment.CONTEXT_PATH, WarDeployment.war().toString());
        context.addParameter("profile.api.tokenz", WarDeployment.TOKEN);

        tomcat.start();

        assertThat(context.getState().isAvailable()).as("the WAR deployed").isFalse();
        assertNoPluginOfTheWarIsRegistered();
    }

    /** Every image plugin in the JVM's registry is the JDK's or the test class path's. */
    private static void assertNoPluginOfTheWarIsRegistered() {
        ClassLoader tests = ClassLoader.getSystemClassLoader();
        IIORegistry registry = IIORegistry.getDefaultInstance();
        registry.getCategories().forEachRemaining(category -> registry.getServiceProviders(category, false)
                .forEachRemaining(provider -> assertThat(provider.getClass().getClassLoader())
                        .as(provider.getClass().getName()).isIn(null, tests, tests.getParent())));
    }
}
