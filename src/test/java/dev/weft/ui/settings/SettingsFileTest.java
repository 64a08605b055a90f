package dev.weft.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void noFileIsTheFirstRun() throws IOException {
        assertThat(new SettingsFile(dir.resolve("absent")).load()).isEmpty();
    }

    @Test
    void whatIsSavedComesBackAndNoTemporaryFileStays() throws IOException {
        Settings settings = new Settings(new Preferences(Theme.DARK, "DejaVu Sans Mono", 16, dir.resolve("notes"), "Files/Pics"),
                new Layout(new WindowBox(10, 20, 900, 600, true), 200, 450, false, UUID.randomUUID()), true, true);
        SettingsFile file = new SettingsFile(dir.resolve("config"));
        file.save(settings);
        assertThat(file.load()).contains(settings);
        try (var files = Files.list(dir.resolve("config"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("settings.properties");
        }
    }

    @Test
    void aDamagedValueTakesItsDefault() throws IOException {
        Files.writeString(dir.resolve("settings.properties"), "theme=purple\neditor.size=huge\nnote.last=nope\n");
        Settings loaded = new SettingsFile(dir).load().orElseThrow();
        assertThat(loaded.preferences()).isEqualTo(Settings.defaults().preferences());
        assertThat(loaded.layout().lastNote()).isNull();
    }

    @Test
    void theSystemThemeAnswersAreRead() {
        assertThat(OsTheme.gnomeDark("'prefer-dark'\n")).isTrue();
        assertThat(OsTheme.gnomeDark("'default'\n")).isFalse();
        assertThat(OsTheme.windowsDark("    AppsUseLightTheme    REG_DWORD    0x0\n")).isTrue();
        assertThat(OsTheme.windowsDark("    AppsUseLightTheme    REG_DWORD    0x1\n")).isFalse();
    }
}
