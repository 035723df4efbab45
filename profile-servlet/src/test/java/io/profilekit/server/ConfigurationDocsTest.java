package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.server.settings.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every setting the settings classes define, with its environment
 * variable and default, and no other.
 */
class ConfigurationDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "configuration.md");
    static List<Setting> settings() {
        return KnownSettings.all();
    }

    @Test
    void listsEverySettingWithItsVariableAndDefault() throws Exception {
        String docs = Files.readString(DOCS);
        List<Setting> settings = settings();

        assertThat(settings).extracting(Setting::name).contains("profile.port", "profile.db.password", "COUCHBASE_HOST");
        for (Setting setting : settings) {
            assertThat(docs).as("docs/configuration.md names %s", setting.name()).contains("`" + setting.name() + "`");
            if (setting.name().startsWith("profile.")) {
                Matcher row = Pattern.compile("^\\| `" + Pattern.quote(setting.name()) + "` \\| `([A-Z_]+)` \\| ([^|]+) \\|",
                        Pattern.MULTILINE).matcher(docs);
                assertThat(row.find()).as("a table row for %s", setting.name()).isTrue();
                assertThat(row.group(1)).as("the variable of %s", setting.name()).isEqualTo(setting.environmentName());
                if (setting.defaultValue() != null) {
                    assertThat(row.group(2).trim()).as("the default of %s", setting.name())
                            .isEqualTo("`" + setting.defaultValue() + "`");
                }
            }
        }
    }

    @Test
    void listsNoSettingTheCodeDoesNotDefine() throws IOException {
        List<String> names = settings().stream().map(Setting::name).toList();
        Matcher documented = Pattern.compile("^\\| `(profile\\.[a-z0-9.-]+)`", Pattern.MULTILINE)
                .matcher(Files.readString(DOCS));
        while (documented.find()) {
            assertThat(names).as("the code defines the documented %s", documented.group(1)).contains(documented.group(1));
        }
    }
}
