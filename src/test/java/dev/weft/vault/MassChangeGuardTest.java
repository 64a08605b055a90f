package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard's rule as a pure function (docs/vault.md, "Mass deletes and erasures"). */
class MassChangeGuardTest {
    private final MassChangeGuard guard = MassChangeGuard.DEFAULT;

    @Test
    void holdsAboveBothLimitsOnly() {
        assertThat(guard.holds(199, 250)).isTrue();
        assertThat(guard.holds(21, 210)).isFalse(); // exactly 10 %
        assertThat(guard.holds(22, 210)).isTrue();
        assertThat(guard.holds(20, 100)).isFalse(); // 20 is not more than 20
        assertThat(guard.holds(21, 100)).isTrue();
        assertThat(guard.holds(50, 10_000)).isFalse(); // 0.5 % of a big vault
        assertThat(guard.holds(1_001, 10_000)).isTrue();
        assertThat(guard.holds(0, 0)).isFalse();
    }

    @Test
    void everyNoteOfTheVaultIsHeldWhateverTheLimits() {
        assertThat(guard.holds(20, 20)).isTrue(); // the folder emptied, or a drive's files all gone
        assertThat(guard.holds(2, 2)).isTrue();
        assertThat(guard.holds(1, 1)).isFalse(); // the one note of a vault, deleted on purpose
        assertThat(guard.holds(3, 4)).isFalse();
    }

    @Test
    void otherLimitsComeFromTheVaultsConfig(@TempDir Path weft) throws IOException {
        assertThat(MassChangeGuard.read(weft)).isEqualTo(MassChangeGuard.DEFAULT);
        Files.writeString(weft.resolve("config.properties"), "mass-change.notes = 5\nmass-change.percent=50\n");
        MassChangeGuard read = MassChangeGuard.read(weft);
        assertThat(read).isEqualTo(new MassChangeGuard(5, 50));
        assertThat(read.holds(6, 10)).isTrue();
        assertThat(read.holds(6, 20)).isFalse();
        Files.writeString(weft.resolve("config.properties"), "mass-change.notes=many\n");
        assertThatThrownBy(() -> MassChangeGuard.read(weft)).isInstanceOf(IOException.class)
                .hasMessageContaining("config.properties");
    }

    @Test
    void erasedMeansEmptiedOrCutToLessThanATenth() {
        assertThat(MassChangeGuard.erases("a note of some length\n", "")).isTrue();
        assertThat(MassChangeGuard.erases("a note of some length\n", "   \n")).isTrue();
        assertThat(MassChangeGuard.erases("0123456789012345678901", "01")).isTrue();
        assertThat(MassChangeGuard.erases("0123456789012345678901", "012")).isFalse();
        assertThat(MassChangeGuard.erases("short", "")).isTrue();
        assertThat(MassChangeGuard.erases("", "")).isFalse();
        assertThat(MassChangeGuard.erases("  \n", "")).isFalse();
        assertThat(MassChangeGuard.erases("first half. second half.", "first half.")).isFalse();
    }
}
