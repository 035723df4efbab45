package io.profilekit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout docs/architecture.md describes, held to the code: packages without cycles, small
 * packages and files, and the framework-neutral core.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // profile-core's test jar
            .importPackages("io.profilekit");
    private static final List<Path> MODULES = List.of(Path.of("..", "profile-core"), Path.of("..", "profile-servlet"),
            Path.of("..", "profile-examples"));

    /** Each source file's classes (a top-level class with its nested ones) as one slice. */
    private static final SliceAssignment FILES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            JavaClass file = type;
            while (file.getEnclosingClass().isPresent()) {
                file = file.getEnclosingClass().get();
            }
            return SliceIdentifier.of(file.getName());
        }

        @Override
        public String getDescription() {
            return "source files";
        }
    };

    @Test
    void noSourceFileDependsOnItselfThroughAnother() {
        slices().assignedFrom(FILES).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noCouchbaseTypeIsUsedOutsideTheCouchbaseStore() {
        noClasses().that().resideOutsideOfPackage("io.profilekit.core.couchbase..")
                .should().dependOnClassesThat().resideInAPackage("com.couchbase..")
                .because("the SDK's types stay inside the store that adapts them")
                .check(MAIN);
    }

    @Test
    void profileCoreUsesNoServletJettyOrHttpType() {
        assertThat(MAIN.stream().filter(type -> type.getPackageName().startsWith("io.profilekit.core")))
                .isNotEmpty()
                .allSatisfy(type -> assertThat(type.getDirectDependenciesFromSelf())
                        .noneMatch(dependency -> dependency.getTargetClass().getPackageName()
                                .matches("(jakarta\\.servlet|org\\.eclipse\\.jetty|io\\.profilekit\\.(servlet|server)).*")));
    }

    @Test
    void noPackageOfProfileServletHasMoreThanFifteenTypes() {
        Map<String, Long> types = MAIN.stream()
                .filter(type -> !type.isNestedClass() && !type.getSimpleName().equals("package-info"))
                .filter(type -> type.getPackageName().matches("io\\.profilekit\\.(servlet|server).*"))
                .collect(Collectors.groupingBy(JavaClass::getPackageName, Collectors.counting()));

        assertThat(types).isNotEmpty().allSatisfy((name, count) -> assertThat(count).as(name).isLessThanOrEqualTo(15));
    }

    @Test
    void noSourceFileIsLongerThanFourHundredLines() throws IOException {
        for (Path module : MODULES) {
            try (Stream<Path> files = Files.walk(module.resolve(Path.of("src", "main", "java")))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readAllLines(file)).as(file.toString()).hasSizeLessThanOrEqualTo(400);
                }
            }
        }
    }
}
