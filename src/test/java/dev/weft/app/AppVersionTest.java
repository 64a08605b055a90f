package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppVersionTest {
    @Test
    void theManifestVersionIsUsedWhenPresent() {
        assertThat(AppVersion.orUnknown("1.2.3")).isEqualTo("1.2.3");
    }

    @Test
    void withoutAManifestVersionItIsDev() {
        assertThat(AppVersion.orUnknown(null)).isEqualTo("dev");
        assertThat(AppVersion.orUnknown(" ")).isEqualTo("dev");
    }
}
