package io.profilekit.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists every setting the code reads, with its environment variable. */
class ConfigurationDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "configuration.md");
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern SETTING = Pattern.compile("\"(profile\\.[a-z0-9.-]+|COUCHBASE_[A-Z_]+)\"");

    static Set<String> settingsReadByTheCode() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher found = SETTING.matcher(Files.readString(file));
                while (found.find()) {
                    names.add(found.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void listsEverySettingTheCodeReads() throws IOException {
        String docs = Files.readString(DOCS);
        Set<String> settings = settingsReadByTheCode();

        assertThat(settings).as("settings found in the sources").contains("profile.port", "profile.db.password");
        for (String setting : settings) {
            assertThat(docs).as("docs/configuration.md names %s", setting).contains("`" + setting + "`");
            if (setting.startsWith("profile.")) {
                assertThat(docs).as("docs/configuration.md names the variable of %s", setting)
                        .contains("`" + Settings.environmentName(setting) + "`");
            }
        }
    }

    @Test
    void listsNoSettingTheCodeDoesNotRead() throws IOException {
        Set<String> settings = settingsReadByTheCode();
        Matcher documented = Pattern.compile("^\\| `(profile\\.[a-z0-9.-]+)`", Pattern.MULTILINE)
                .matcher(Files.readString(DOCS));
        while (documented.find()) {
            assertThat(settings).as("the code reads the documented %s", documented.group(1))
                    .contains(documented.group(1));
        }
    }
}
