package dev.weft.server;

import dev.weft.store.Device;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The line protocol of the control socket, {@value #SOCKET_FILE} in the data dir. A client sends
 * one request line, {@value #PAIR_CODE}, {@value #DEVICES}, {@code revoke NAME} or {@code backup FILE}
 * (an absolute path; answered with {@code BYTES<TAB>LAST_SYNC_TIME}, however long the copy takes); the server
 * answers with lines of text and then {@value #END}, or with one line that starts with
 * {@value #ERROR}, and closes. Lines are UTF-8 ending in {@code \n}, at most
 * {@value #MAX_LINE_BYTES} bytes. A device is one line: site, {@code active} or {@code revoked},
 * last seen in microseconds since the epoch (0: never), name, separated by tabs (a device name
 * has no control characters).
 */
final class ControlProtocol {
    static final String SOCKET_FILE = "control.sock";
    static final String PAIR_CODE = "pair-code";
    static final String DEVICES = "devices";
    static final String REVOKE = "revoke ";
    static final String BACKUP = "backup ";
    /** Answered {@code CHARACTERS<TAB>NOTES}: the deleted text kept for history. */
    static final String HISTORY_SIZE = "history-size";
    /** Answered {@code FILES<TAB>VERSIONS<TAB>CHUNKS<TAB>BYTES}: what the server keeps of files. */
    static final String FILES_SIZE = "files-size";
    static final String END = "end";
    static final String ERROR = "error: ";
    static final int MAX_LINE_BYTES = 4096;

    private static final String ACTIVE = "active";
    private static final String REVOKED = "revoked";

    private ControlProtocol() {
    }

    static String deviceLine(Device device) {
        return device.site() + "\t" + (device.revoked() ? REVOKED : ACTIVE) + "\t" + device.lastSeenMicros()
                + "\t" + device.name();
    }

    /** The device on {@code line}; throws {@link IllegalArgumentException} if it is not one. */
    static Device device(String line) {
        String[] fields = line.split("\t", 4);
        if (fields.length != 4 || !(fields[1].equals(ACTIVE) || fields[1].equals(REVOKED))) {
            throw new IllegalArgumentException("not a device line: " + line);
        }
        return new Device(fields[3], Integer.parseInt(fields[0]), fields[1].equals(REVOKED),
                Long.parseLong(fields[2]));
    }

    /**
     * The next line without its {@code \n}; empty at the end of the stream, or when the line is
     * longer than {@value #MAX_LINE_BYTES} bytes (it is read to its end all the same).
     */
    static Optional<String> readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return Optional.empty();
            }
            tooLong |= line.size() == MAX_LINE_BYTES;
            if (!tooLong) {
                line.write(b);
            }
        }
        return tooLong ? Optional.empty() : Optional.of(line.toString(StandardCharsets.UTF_8));
    }
}
