package dev.weft.server;

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
        if (request.startsWith(ControlProtocol.REVOKE)) {
            String name = request.substring(ControlProtocol.REVOKE.length());
            return server.revoke(name)
                    .map(device -> List.of(ControlProtocol.deviceLine(device), ControlProtocol.END))
                    .orElse(List.of(ControlProtocol.ERROR + "no device named '" + name
                            + "' has access (see 'weft devices')"));
        }
        return List.of(ControlProtocol.ERROR + "unknown request '" + request + "'");
    }
}
