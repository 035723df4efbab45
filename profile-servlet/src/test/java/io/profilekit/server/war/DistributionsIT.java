package io.profilekit.server.war;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The WAR deployed into the Jetty and Tomcat distributions from Maven Central as
 * docs/deployment.md says, with the very files the doc writes: each {@code cat > $X/path <<'EOF'}
 * block is read from the doc, so the doc cannot drift from what runs. The build unpacks the
 * distributions; each runs as a process of its own on a free port.
 */
class DistributionsIT {

    private static final Pattern DOCUMENTED_FILE = Pattern.compile(
            "cat > \\$(\\w+)/(\\S+) <<'EOF'\\n(.*?)\\nEOF\\n", Pattern.DOTALL);
    private static final Pattern DOCUMENTED_TOKEN = Pattern.compile("Bearer (choose-a-long-random-token)");

    private Process container;

    @AfterEach
    void stopContainer() throws InterruptedException {
        if (container != null) {
            container.descendants().forEach(ProcessHandle::destroy);
            container.destroy();
            container.waitFor();
        }
    }

    @Test
    void jettyServesTheWarAsDeploymentMdSaysAndRefusesATokenInAnotherCase() throws Exception {
        Path home = Path.of(System.getProperty("profilekit.jetty-home"));
        Path base = WarDeployment.workDirectory("jetty-base");
        Map<String, String> files = documentedFiles();
        run(List.of(java(), "-jar", home.resolve("start.jar").toString(), "jetty.base=" + base,
                "--add-modules=http,ee10-deploy"), base);
        Files.copy(WarDeployment.war(), base.resolve("webapps/profiles.war"));
        write(base, files, "JETTY_BASE", "webapps/profiles.xml");
        write(base, files, "JETTY_BASE", "etc/profilekit-http.xml");
        Files.writeString(base.resolve("start.d/profilekit.ini"), "etc/profilekit-http.xml\n");
        int port = freePort();

        container = start(List.of(java(), "-jar", home.resolve("start.jar").toString(), "jetty.http.port=" + port), base);

        URI site = awaitHealthy(port);
        WarDeployment.answersEveryKindOfRoute(site, documentedToken());
        String otherCase = documentedToken().toUpperCase(Locale.ROOT);
        assertThat(WarDeployment.sendAs(otherCase, site, "GET", "/api/v1/id/1", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void tomcatServesTheWarAsDeploymentMdSays() throws Exception {
        Path home = WarDeployment.workDirectory("tomcat-home");
        copyTree(Path.of(System.getProperty("profilekit.tomcat-home")), home);
        int port = freePort();
        Path serverXml = home.resolve("conf/server.xml");
        Files.writeString(serverXml, Files.readString(serverXml).replace("port=\"8080\"", "port=\"" + port + "\"")
                .replace("port=\"8005\"", "port=\"-1\""));
        Files.copy(WarDeployment.war(), home.resolve("webapps/profiles.war"));
        Files.createDirectories(home.resolve("conf/Catalina/localhost"));
        write(home, documentedFiles(), "CATALINA_HOME", "conf/Catalina/localhost/profiles.xml");

        container = start(List.of(home.resolve("bin/catalina.sh").toString(), "run"), home);

        WarDeployment.answersEveryKindOfRoute(awaitHealthy(port), documentedToken());
    }

    /** The files deployment.md writes, by {@code VARIABLE/path}. */
    private static Map<String, String> documentedFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher block = DOCUMENTED_FILE.matcher(deploymentDoc());
        while (block.find()) {
            files.put(block.group(1) + "/" + block.group(2), block.group(3) + "\n");
        }
        return files;
    }

    private static String documentedToken() throws IOException {
        Matcher token = DOCUMENTED_TOKEN.matcher(deploymentDoc());
        assertThat(token.find()).as("deployment.md's curl names its token").isTrue();
        return token.group(1);
    }

    private static String deploymentDoc() throws IOException {
        return Files.readString(Path.of(System.getProperty("profilekit.deployment-doc")));
    }

    private static void write(Path root, Map<String, String> files, String variable, String path) throws IOException {
        String content = files.get(variable + "/" + path);
        assertThat(content).as("deployment.md writes $" + variable + "/" + path).isNotNull();
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), content);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> command, Path directory) throws Exception {
        Process process = start(command, directory);
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }

    /** Starts {@code command} with a small demo store and its output in the work directory. */
    private static Process start(List<String> command, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("output.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PROFILE_DEMO_PROFILES", "5");
        return builder.start();
    }

    /** The application's base URI once its health route answers 200. */
    private URI awaitHealthy(int port) throws Exception {
        URI site = URI.create("http://localhost:" + port + WarDeployment.CONTEXT_PATH);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(container.isAlive()).as("the container is running").isTrue();
            try {
                HttpResponse<byte[]> health = WarDeployment.get(site, "/healthz");
                if (health.statusCode() == 200) {
                    return site;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the WAR did not answer within 90 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
