package dev.weft.ui;

import dev.weft.client.SyncClient;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the main window works on: an open vault, its sync client (absent in tests that need no
 * server) and the way to pair and host (absent likewise).
 */
public record Workspace(Vault vault, Optional<SyncClient> sync, Optional<Connector> connector) {
    public Workspace {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(connector, "connector");
    }

    /** A vault alone: no sync, no pairing. */
    public static Workspace local(Vault vault) {
        return new Workspace(vault, Optional.empty(), Optional.empty());
    }

    /** Stops syncing, then the hosted server, then closes the vault (writing what is pending). Blocks. */
    public void close() throws IOException {
        sync.ifPresent(SyncClient::close);
        connector.ifPresent(Connector::close);
        vault.close();
    }
}
