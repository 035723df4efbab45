package io.profilekit.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What Maven Central asks of every published POM (a licence, a URL, the source repository, the
 * developers: declared or inherited from a published parent) and what users of the module path
 * and of the Apache licence need of every published jar (an {@code Automatic-Module-Name},
 * the licence and notice, sources and javadoc beside it), checked on the build's own output.
 */
class PublishedArtifactsIT {

    private static final Path ROOT = Path.of("..");

    /** The published modules: their directories, "." being the parent POM. */
    static List<String> publishedPoms() {
        return List.of(".", "profilekit-bom", "profile-core", "profile-servlet", "profile-spring-boot-starter");
    }

    /** The published modules that build a jar: directory, artifact id, and the module name it declares. */
    static List<List<String>> publishedJars() {
        return List.of(List.of("profile-core", "profile-core", "io.profilekit.core"),
                List.of("profile-servlet", "profile-servlet", "io.profilekit.servlet"),
                List.of("profile-spring-boot-starter", "profilekit-spring-boot-starter", "io.profilekit.spring.boot"));
    }

    @ParameterizedTest
    @MethodSource("publishedPoms")
    void everyPublishedPomNamesItsLicenceUrlSourcesAndDevelopers(String module) throws Exception {
        for (String element : List.of("licenses", "url", "scm", "developers", "name", "description")) {
            assertThat(declaredOrInherited(ROOT.resolve(module), element))
                    .as(module + "/pom.xml declares or inherits <" + element + ">").isNotNull();
        }
        assertThat(declaredOrInherited(ROOT.resolve(module), "licenses").getTextContent()).contains("Apache-2.0");
    }

    @ParameterizedTest
    @MethodSource("publishedPoms")
    void everyPublishedPomHasTheProjectsVersion(String module) throws Exception {
        assertThat(version(ROOT.resolve(module))).isEqualTo(version(ROOT));
    }

    @ParameterizedTest
    @MethodSource("publishedJars")
    void everyPublishedJarNamesItsModuleAndCarriesTheLicence(List<String> jar) throws Exception {
        Path built = ROOT.resolve(jar.get(0)).resolve("target").resolve(jar.get(1) + "-" + version(ROOT) + ".jar");
        try (JarFile file = new JarFile(built.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo(jar.get(2));
            assertThat(file.getEntry("META-INF/LICENSE")).as("META-INF/LICENSE in " + built).isNotNull();
            assertThat(file.getEntry("META-INF/NOTICE")).as("META-INF/NOTICE in " + built).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("publishedJars")
    void everyPublishedJarHasSourcesAndJavadocBesideIt(List<String> jar) throws Exception {
        Path target = ROOT.resolve(jar.get(0)).resolve("target");
        String base = jar.get(1) + "-" + version(ROOT);
        try (JarFile sources = new JarFile(target.resolve(base + "-sources.jar").toFile());
                JarFile javadoc = new JarFile(target.resolve(base + "-javadoc.jar").toFile())) {
            assertThat(sources.stream().anyMatch(entry -> entry.getName().endsWith(".java"))).isTrue();
            assertThat(javadoc.getEntry("index.html")).isNotNull();
        }
    }

    /** {@code element} at the top of the module's POM, or of the nearest parent in this repository that has it; else null. */
    private static Element declaredOrInherited(Path module, String element) throws Exception {
        Path directory = module;
        while (true) {
            Element project = pom(directory);
            Element found = child(project, element);
            if (found != null) {
                return found;
            }
            if (child(project, "parent") == null) {
                return null;
            }
            directory = directory.resolve("..");
        }
    }

    /** The module's version: its own, or its parent's. */
    private static String version(Path module) throws Exception {
        Element project = pom(module);
        Element own = child(project, "version");
        return own != null ? own.getTextContent() : child(child(project, "parent"), "version").getTextContent();
    }

    private static Element pom(Path module) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(module.resolve("pom.xml").toFile());
        return document.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
