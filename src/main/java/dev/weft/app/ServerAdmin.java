package dev.weft.app;

import dev.weft.server.ControlClient;
import dev.weft.server.ControlException;
import dev.weft.server.security.PairingCodes;
import dev.weft.store.Device;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code weft pair-code}, {@code weft devices}, {@code weft revoke NAME} and {@code weft backup FILE}: ask the server running
 * with a data dir, through its control socket, and print the answer. A server that is not running,
 * or a device that has no access to revoke, fails with one line.
 */
final class ServerAdmin {
    private final PrintStream out;
    private final PrintStream err;
    private final ZoneId zone;

    ServerAdmin(PrintStream out, PrintStream err, ZoneId zone) {
        this.out = out;
        this.err = err;
        this.zone = zone;
    }

    int pairCode(Path data) {
        return ask(data, client -> {
            out.println("pair: " + client.pairingLink());
            out.println("the link pairs one device within " + PairingCodes.DEFAULT_LIFETIME.toMinutes() + " minutes");
        });
    }

    int devices(Path data) {
        return ask(data, client -> {
            List<Device> devices = client.devices();
            if (devices.isEmpty()) {
                out.println("no devices are paired yet; 'weft pair-code' prints a link to pair one");
            } else {
                DeviceTable.lines(devices, zone).forEach(out::println);
            }
            try {
                long[] files = client.filesSize();
                out.println("files: " + files[0] + " files, " + files[1] + " versions, " + files[2] + " chunks, "
                        + files[3] + " bytes stored");
            } catch (dev.weft.server.ControlException olderServer) {
                // a server before files keeps none: nothing to report
            }
            try {
                long[] kept = client.historySize();
                out.println("history: " + kept[0] + " deleted characters kept in " + kept[1] + " notes");
            } catch (dev.weft.server.ControlException olderServer) {
                // a server before history keeps no deleted text: nothing to report
            }
        });
    }

    int revoke(String name, Path data) {
        return ask(data, client -> {
            Device device = client.revoke(name);
            out.println("revoked device '" + device.name() + "' (site " + device.site()
                    + "): its connections are closed and its token no longer works");
        });
    }

    int backup(Path file, Path data) {
        return ask(data, client -> {
            ControlClient.Backup made = client.backup(file);
            out.println("backed up the server to " + made.file() + " (" + ProgressLine.size(made.bytes())
                    + ", changes up to " + Instant.EPOCH.plus(made.lastSyncTime(), ChronoUnit.MICROS).atZone(zone)
                            .toLocalDateTime().truncatedTo(ChronoUnit.SECONDS) + ")");
            out.println("restore it with: weft --server --restore " + made.file() + " --data NEWDIR");
        });
    }

    private interface Call {
        void run(ControlClient client) throws ControlException;
    }

    private int ask(Path data, Call call) {
        try {
            call.run(new ControlClient(data));
            return Launcher.OK;
        } catch (ControlException e) {
            err.println("weft: " + e.getMessage());
            return Launcher.FAILED;
        }
    }
}
