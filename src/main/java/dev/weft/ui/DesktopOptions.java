package dev.weft.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link Desktop} starts.
 *
 * @param configFolder where {@code settings.properties} lives
 * @param vaultOverride the folder given with {@code --vault}: opened without asking, not remembered
 * @param defaultVault what the first run proposes ({@code ~/Weft})
 * @param opener opens a vault folder
 */
public record DesktopOptions(Path configFolder, Optional<Path> vaultOverride, Path defaultVault,
        WorkspaceOpener opener) {
    public DesktopOptions {
        Objects.requireNonNull(configFolder, "configFolder");
        Objects.requireNonNull(vaultOverride, "vaultOverride");
        Objects.requireNonNull(defaultVault, "defaultVault");
        Objects.requireNonNull(opener, "opener");
    }
}
