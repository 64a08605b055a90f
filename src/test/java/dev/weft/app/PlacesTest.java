package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacesTest {
    private static final Path HOME = Path.of("/home/u");

    @Test
    void theVaultIsWeftInTheHomeFolderEverywhere() {
        assertThat(Places.of("Linux", Map.of(), HOME).vault()).isEqualTo(HOME.resolve("Weft"));
        assertThat(Places.of("Mac OS X", Map.of(), HOME).vault()).isEqualTo(HOME.resolve("Weft"));
        assertThat(Places.of("Windows 11", Map.of(), HOME).vault()).isEqualTo(HOME.resolve("Weft"));
    }

    @Test
    void linuxServerDataFollowsXdgDataHome() {
        assertThat(Places.of("Linux", Map.of("XDG_DATA_HOME", "/data"), HOME).serverData())
                .isEqualTo(Path.of("/data/weft-server"));
        assertThat(Places.of("Linux", Map.of(), HOME).serverData())
                .isEqualTo(Path.of("/home/u/.local/share/weft-server"));
    }

    @Test
    void aRelativeOrEmptyXdgDataHomeIsIgnored() {
        assertThat(Places.of("Linux", Map.of("XDG_DATA_HOME", "rel"), HOME).serverData())
                .isEqualTo(Path.of("/home/u/.local/share/weft-server"));
        assertThat(Places.of("Linux", Map.of("XDG_DATA_HOME", ""), HOME).serverData())
                .isEqualTo(Path.of("/home/u/.local/share/weft-server"));
    }

    @Test
    void macServerDataIsInApplicationSupport() {
        assertThat(Places.of("Mac OS X", Map.of(), HOME).serverData())
                .isEqualTo(Path.of("/home/u/Library/Application Support/Weft Server"));
    }

    @Test
    void windowsServerDataIsInAppData() {
        assertThat(Places.of("Windows 11", Map.of("APPDATA", "/appdata"), HOME).serverData())
                .isEqualTo(Path.of("/appdata/Weft Server"));
        assertThat(Places.of("Windows 11", Map.of(), HOME).serverData())
                .isEqualTo(Path.of("/home/u/AppData/Roaming/Weft Server"));
    }

    @Test
    void settingsFollowEachOsConvention() {
        assertThat(Places.of("Linux", Map.of("XDG_CONFIG_HOME", "/cfg"), HOME).config()).isEqualTo(Path.of("/cfg/weft"));
        assertThat(Places.of("Linux", Map.of(), HOME).config()).isEqualTo(Path.of("/home/u/.config/weft"));
        assertThat(Places.of("Mac OS X", Map.of(), HOME).config())
                .isEqualTo(Path.of("/home/u/Library/Application Support/Weft"));
        assertThat(Places.of("Windows 11", Map.of("APPDATA", "/appdata"), HOME).config())
                .isEqualTo(Path.of("/appdata/Weft"));
    }
}
