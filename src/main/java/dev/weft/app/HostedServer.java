package dev.weft.app;

import dev.weft.client.SyncClient;
import dev.weft.client.SyncException;
import dev.weft.protocol.Limits;
import dev.weft.protocol.PairingLink;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.ServerStartException;
import dev.weft.server.WeftServer;
import dev.weft.store.DiskFullException;
import dev.weft.ui.ConnectFailure;
import dev.weft.ui.Connector;
import dev.weft.vault.DeviceState;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The desktop app's pairing and hosting: parses a pairing link for {@link SyncClient#pair}, and
 * runs the sync server inside the app (as {@code weft --server} would, on its default port and data
 * folder), pairing the vault with it over loopback. The server stops when the app closes.
 */
final class HostedServer implements Connector {
    private static final String LOOPBACK = "127.0.0.1";

    private final Vault vault;
    private final SyncClient sync;
    private final Path data;
    private final int port;
    private final PrintStream log;
    private WeftServer server;

    HostedServer(Vault vault, SyncClient sync, Path data, int port, PrintStream log) {
        this.vault = vault;
        this.sync = sync;
        this.data = data;
        this.port = port;
        this.log = log;
    }

    @Override
    public String pair(String link, String deviceName) throws ConnectFailure {
        PairingLink parsed;
        try {
            parsed = PairingLink.parse(link);
        } catch (IllegalArgumentException e) {
            throw new ConnectFailure("That is not a pairing link (" + e.getMessage().replace("invalid pairing link: ", "")
                    + "). It looks like weft://host:port/pair?code=…&fp=…", e);
        }
        return pair(parsed, deviceName);
    }

    @Override
    public synchronized String host(String deviceName) throws ConnectFailure {
        if (server == null) {
            ServerCommand.quietLibraries();
            try {
                server = WeftServer.start(new ServerConfig(TopLevelLine.DEFAULT_BIND, port, data,
                        new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT), new ServerLog(log));
            } catch (ServerStartException e) {
                throw new ConnectFailure("The server could not start: " + e.getMessage(), e);
            }
        }
        DeviceState device = vault.device();
        if (!device.isPaired()) {
            PairingLink link = pairingLink();
            pair(new PairingLink(LOOPBACK, server.port(), link.code(), link.fingerprint()), deviceName);
        } else if (device.serverPort() != server.port() || !device.certificateFingerprint().equals(server.fingerprint())) {
            throw new ConnectFailure("This vault syncs with the server at " + device.serverHost() + ":"
                    + device.serverPort() + ". The server here is running, but these notes stay with that one.", null);
        }
        return pairingLink().toString();
    }

    private PairingLink pairingLink() throws ConnectFailure {
        try {
            return server.pairingLink();
        } catch (DiskFullException e) {
            throw new ConnectFailure("The server's disk is full: free space on it, then try again.", e);
        }
    }

    private String pair(PairingLink link, String deviceName) throws ConnectFailure {
        try {
            return sync.pair(link, deviceName);
        } catch (SyncException e) {
            throw new ConnectFailure(capitalized(e.getMessage()), e);
        } catch (IOException e) {
            throw new ConnectFailure("The pairing could not be saved in the vault: " + e.getMessage(), e);
        }
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
