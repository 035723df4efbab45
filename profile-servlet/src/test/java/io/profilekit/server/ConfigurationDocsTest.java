package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.server.settings.ApiSettings;
import io.profilekit.server.settings.BulkSettings;
import io.profilekit.server.settings.DemoSettings;
import io.profilekit.server.settings.FieldSettings;
import io.profilekit.server.settings.OidcSettings;
import io.profilekit.server.settings.PictureSettings;
import io.profilekit.server.settings.Setting;
import io.profilekit.server.settings.StoreSettings;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private static final List<Class<?>> GROUPS = List.of(ServerSettings.class, DemoSettings.class, ApiSettings.class,
            PictureSettings.class, OidcSettings.class, FieldSettings.class, StoreSettings.class, BulkSettings.class);

    static List<Setting> settings() throws IllegalAccessException {
        List<Setting> settings = new ArrayList<>();
        for (Class<?> group : GROUPS) {
            for (Field field : group.getDeclaredFields()) {
                if (field.getType() == Setting.class && Modifier.isStatic(field.getModifiers())) {
                    settings.add((Setting) field.get(null));
                }
            }
        }
        return settings;
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
    void listsNoSettingTheCodeDoesNotDefine() throws IOException, IllegalAccessException {
        List<String> names = settings().stream().map(Setting::name).toList();
        Matcher documented = Pattern.compile("^\\| `(profile\\.[a-z0-9.-]+)`", Pattern.MULTILINE)
                .matcher(Files.readString(DOCS));
        while (documented.find()) {
            assertThat(names).as("the code defines the documented %s", documented.group(1)).contains(documented.group(1));
        }
    }
}
