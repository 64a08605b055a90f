package dev.weft.app;

import dev.weft.client.SyncClient;
import dev.weft.client.SyncOptions;
import dev.weft.ui.Desktop;
import dev.weft.ui.DesktopOptions;
import dev.weft.ui.Workspace;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code weft [--vault DIR]}: the desktop app. Opens the vault with the folder watcher on, a sync
 * client, and a {@link HostedServer} for pairing and hosting; the window does the rest.
 */
final class GuiCommand {
    private final Places places;
    private final PrintStream log;

    GuiCommand(Places places, PrintStream log) {
        this.places = places;
        this.log = log;
    }

    int run(Command.Gui command) {
        Desktop.launch(new DesktopOptions(places.config(), command.vault().map(Path::toAbsolutePath),
                places.vault(), this::open));
        return Launcher.OK;
    }

    private Workspace open(Path folder) throws IOException {
        Vault vault = Vault.open(folder, VaultOptions.defaults());
        try {
            vault.startWatching();
        } catch (IOException | RuntimeException e) {
            vault.close();
            throw e;
        }
        SyncClient sync = new SyncClient(vault, SyncOptions.defaults());
        HostedServer host = new HostedServer(vault, sync, places.serverData(), TopLevelLine.DEFAULT_PORT, log);
        return new Workspace(vault, Optional.of(sync), Optional.of(host));
    }
}
