package dev.weft.server;

import dev.weft.store.StoreException;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers the requests of the control socket ({@link ControlProtocol}) from a running server,
 * without touching the socket: a request line in, the answer's lines out.
 */
final class ControlRequests {
    private final WeftServer server;
    private final ServerLog log;

    ControlRequests(WeftServer server, ServerLog log) {
        this.server = server;
        this.log = log;
    }

    List<String> answer(String request) {
        if (request.equals(ControlProtocol.PAIR_CODE)) {
            String link = server.pairingLink().toString();
            log.info("control: issued a pairing code");
            return List.of(link, ControlProtocol.END);
        }
        if (request.equals(ControlProtocol.DEVICES)) {
            List<String> lines = new ArrayList<>();
            server.devices().forEach(device -> lines.add(ControlProtocol.deviceLine(device)));
            lines.add(ControlProtocol.END);
            return lines;
        }
        if (request.equals(ControlProtocol.HISTORY_SIZE)) {
            var size = server.historySize();
            return List.of(size.deletedCharacters() + "\t" + size.notes(), ControlProtocol.END);
        }
        if (request.equals(ControlProtocol.FILES_SIZE)) {
            var files = server.fileStats();
            return List.of(files.files() + "\t" + files.versions() + "\t" + files.chunks() + "\t" + files.bytes(),
                    ControlProtocol.END);
        }
        if (request.startsWith(ControlProtocol.REVOKE)) {
            String name = request.substring(ControlProtocol.REVOKE.length());
            return server.revoke(name)
                    .map(device -> List.of(ControlProtocol.deviceLine(device), ControlProtocol.END))
                    .orElse(List.of(ControlProtocol.ERROR + "no device named '" + name
                            + "' has access (see 'weft devices')"));
        }
        if (request.startsWith(ControlProtocol.BACKUP)) {
            return backup(request.substring(ControlProtocol.BACKUP.length()));
        }
        return List.of(ControlProtocol.ERROR + "unknown request '" + request + "'");
    }

    private List<String> backup(String file) {
        Path target;
        try {
            target = Path.of(file);
        } catch (InvalidPathException e) {
            return List.of(ControlProtocol.ERROR + "'" + file + "' is not a file name here");
        }
        if (!target.isAbsolute()) {
            return List.of(ControlProtocol.ERROR + "the backup file must be named by an absolute path");
        }
        try {
            ServerBackup.Made made = server.backup(target);
            return List.of(made.bytes() + "\t" + made.lastSyncTime(), ControlProtocol.END);
        } catch (StoreException e) { // damaged, or a full disk where the run must be recorded first
            return List.of(ControlProtocol.ERROR + "cannot back up the store: " + e.getMessage() + "; nothing was written");
        } catch (IOException e) {
            return List.of(ControlProtocol.ERROR + "cannot write the backup " + target + ": " + ServerBackup.why(e)
                    + "; nothing was written");
        }
    }
}
