package io.profilekit.server.war;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The built WAR holds what the application needs and nothing its container brings. */
class WarContentsIT {

    private static List<String> libraries() throws IOException {
        try (ZipFile war = new ZipFile(WarDeployment.war().toFile())) {
            return war.stream().map(ZipEntry::getName).filter(name -> name.startsWith("WEB-INF/lib/"))
                    .map(name -> name.substring("WEB-INF/lib/".length())).toList();
        }
    }

    @Test
    void holdsNoJettyServletApiOrLogback() throws IOException {
        assertThat(libraries()).noneMatch(jar -> jar.startsWith("jetty-") || jar.startsWith("jakarta.servlet-api")
                || jar.startsWith("logback-"));
    }

    @Test
    void holdsTheCoreTheDemoStoresGeneratorAndTheContainersLoggingBinding() throws IOException {
        assertThat(libraries()).anyMatch(jar -> jar.startsWith("profile-core-"))
                .anyMatch(jar -> jar.startsWith("datafaker-"))
                .anyMatch(jar -> jar.startsWith("slf4j-jdk14-"));
    }

    @Test
    void theServerJarAndTheWarShipTheBuildsExportOfTheDemoPeopleAndTheLibraryJarDoesNot() throws IOException {
        String resource = "io/profilekit/server/demo-people.ndjson";
        try (ZipFile war = new ZipFile(WarDeployment.war().toFile());
                ZipFile server = new ZipFile("target/profile-server.jar");
                ZipFile library = new ZipFile(libraryJar().toFile())) {
            assertThat(war.getEntry("WEB-INF/classes/" + resource)).isNotNull();
            assertThat(server.getEntry(resource)).isNotNull();
            assertThat(library.getEntry(resource)).isNull();
            String export = new String(server.getInputStream(server.getEntry(resource)).readAllBytes(), UTF_8);
            assertThat(export.lines().filter(line -> !line.startsWith("{\"picture_of\"")).count()).isEqualTo(1000);
        }
    }

    private static Path libraryJar() throws IOException {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(jar -> {
                String name = jar.getFileName().toString();
                return name.startsWith("profile-servlet-") && name.endsWith(".jar")
                        && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar");
            }).findFirst().orElseThrow();
        }
    }

    @Test
    void namesEveryBundledJarInTheLicencesPage() throws IOException {
        String page = Files.readString(Path.of("../docs/licences.md"));
        for (String jar : libraries().stream().filter(name -> name.endsWith(".jar")).toList()) {
            String artifact = jar.replaceAll("-\\d[^-]*(-SNAPSHOT)?\\.jar$", "");
            assertThat(page).as("docs/licences.md names " + artifact + ", which the WAR bundles")
                    .containsPattern("[|,] " + Pattern.quote(artifact) + "[,| (]");
        }
    }
}
