package dev.weft.app;

import dev.weft.server.BackupRestore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.weft.protocol.Limits;
import dev.weft.protocol.PairingLink;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.ServerStartException;
import dev.weft.server.WeftServer;
import dev.weft.server.security.PairingCodes;
import dev.weft.store.DiskFullException;
import java.io.PrintStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code weft --server}: starts the sync server, says where it listens and, while no device has
 * access, how to pair with it (the {@code pair: } line of docs/protocol.md §7; later only
 * {@code weft pair-code} prints a link), logs to standard output, and leaves it running
 * until the program is asked to stop, when it closes it cleanly.
 */
final class ServerCommand {
    /** Undertow's and XNIO's loggers, kept (a logger nobody holds may be collected with its level). */
    private static final List<Logger> LIBRARY_LOGGERS =
            List.of(Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio"));

    private final PrintStream out;
    private final PrintStream err;
    private final ShutdownHooks hooks;

    ServerCommand(PrintStream out, PrintStream err, ShutdownHooks hooks) {
        this.out = out;
        this.err = err;
        this.hooks = hooks;
    }

    int run(Command.Server command) {
        if (command.tls() instanceof Tls.Off && !TopLevelLine.loopback(command.bind())) { // --insecure-no-tls
            err.println("WARNING: --insecure-no-tls on " + command.bind() + ", which is not a loopback address:");
            err.println("WARNING: pairing codes, device tokens and notes cross the network unencrypted.");
            err.println("WARNING: only do this behind a TLS-terminating proxy.");
        }
        quietLibraries();
        WeftServer server;
        try {
            server = WeftServer.start(config(command), new ServerLog(out), command.files());
        } catch (ServerStartException e) {
            err.println("weft: " + e.getMessage());
            return Launcher.FAILED;
        }
        hooks.onStop(server::close);
        server.keepTrash(command.trashDays());
        server.keepHistory(command.historyDays());
        boolean tls = !server.fingerprint().equals(PairingLink.PLAIN);
        out.println("listening on " + address(command.bind(), server.port()) + (tls ? " (TLS)" : " (no TLS: ws://)"));
        out.println("fingerprint: " + (tls ? server.fingerprint() : "none"));
        long paired = server.devices().stream().filter(d -> !d.revoked()).count();
        if (paired > 0) {
            // a live code in a log or journal pairs whoever reads it: printed only when asked
            out.println(paired + (paired == 1 ? " device has" : " devices have") + " access; 'weft pair-code' prints"
                    + " a link to pair another");
            return Launcher.OK;
        }
        try {
            out.println("pair: " + server.pairingLink());
            out.println("the link pairs one device within " + PairingCodes.DEFAULT_LIFETIME.toMinutes()
                    + " minutes; 'weft pair-code' prints a fresh one");
        } catch (DiskFullException e) {
            // a pairing code is a write: the server serves its devices all the same
            out.println("no pairing link: " + e.getMessage() + "; once space is freed, 'weft pair-code' prints one");
        }
        return Launcher.OK;
    }

    /**
     * {@code --restore FILE}: makes the data dir from the backup (changing nothing if it cannot), says
     * what it holds, then runs the server on it.
     */
    int restoreThenRun(Path backup, Command.Server command) {
        BackupRestore.Restored restored;
        try {
            restored = BackupRestore.restore(backup, command.data());
        } catch (ServerStartException e) {
            err.println("weft: " + e.getMessage());
            return Launcher.FAILED;
        }
        Instant through = Instant.EPOCH.plus(restored.lastSyncTime(), ChronoUnit.MICROS).truncatedTo(ChronoUnit.SECONDS);
        out.println("restored " + backup + " (made " + restored.made().truncatedTo(ChronoUnit.SECONDS) + ", changes up to "
                + through + ") into " + command.data() + "; devices that hold later changes upload them again when they"
                + " connect");
        return run(command);
    }

    /** Undertow and XNIO log warnings only: the server logs its own events. */
    static void quietLibraries() {
        LIBRARY_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    static ServerConfig config(Command.Server command) {
        return new ServerConfig(command.bind(), command.port(), command.data(), tls(command.tls()), Limits.DEFAULT);
    }

    private static ServerConfig.TlsSetting tls(Tls tls) {
        if (tls instanceof Tls.PemFiles pem) {
            return new ServerConfig.TlsSetting.Pem(pem.certificate(), pem.key());
        }
        if (tls instanceof Tls.Off) {
            return new ServerConfig.TlsSetting.None();
        }
        return new ServerConfig.TlsSetting.SelfSigned();
    }

    private static String address(String bind, int port) {
        boolean ipv6 = bind.indexOf(':') >= 0 && !bind.startsWith("[");
        return (ipv6 ? "[" + bind + "]" : bind) + ":" + port;
    }
}
