package dev.weft.server;

import dev.weft.protocol.PairingLink;
import dev.weft.store.Device;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the server running with a data dir, through its control socket ({@link ControlProtocol}),
 * for a pairing link, its devices, to revoke one, or for a backup: what {@code weft pair-code},
 * {@code weft devices}, {@code weft revoke} and {@code weft backup} do. Each call is one short connection.
 */
public final class ControlClient {
    private static final long ANSWER_SECONDS = 30;
    /** A backup's answer comes once the copy is written: allow for a big store on a slow disk. */
    private static final long BACKUP_SECONDS = 3600;

    private final Path dataDir;

    /** A client of the server whose data dir is {@code dataDir}. */
    public ControlClient(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** A fresh single-use pairing link (docs/protocol.md §7). */
    public PairingLink pairingLink() throws ControlException {
        List<String> lines = ask(ControlProtocol.PAIR_CODE);
        try {
            return PairingLink.parse(only(lines));
        } catch (IllegalArgumentException e) {
            throw garbled(e);
        }
    }

    /** Every device ever paired, revoked ones too, by site. */
    public List<Device> devices() throws ControlException {
        List<Device> devices = new ArrayList<>();
        for (String line : ask(ControlProtocol.DEVICES)) {
            devices.add(device(line));
        }
        return devices;
    }

    /** The deleted text the server keeps for history: characters and notes (a server before it: an error). */
    public long[] historySize() throws ControlException {
        List<String> lines = ask(ControlProtocol.HISTORY_SIZE);
        try {
            String[] fields = lines.isEmpty() ? new String[0] : lines.get(0).split("\t");
            if (fields.length != 2) {
                throw new IllegalArgumentException("not a history size: " + lines);
            }
            return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
        } catch (IllegalArgumentException e) {
            throw garbled(e);
        }
    }

    /** What the server keeps of files: files, versions, chunks, bytes (a server before files: an error). */
    public long[] filesSize() throws ControlException {
        List<String> lines = ask(ControlProtocol.FILES_SIZE);
        try {
            String[] fields = lines.isEmpty() ? new String[0] : lines.get(0).split("\t");
            if (fields.length != 4) {
                throw new IllegalArgumentException("not a files size: " + lines);
            }
            long[] out = new long[4];
            for (int i = 0; i < 4; i++) {
                out[i] = Long.parseLong(fields[i]);
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw garbled(e);
        }
    }

    /**
     * Revokes the device named {@code name} (compared without regard to case); the server closes
     * its open connections at once.
     *
     * @return the device as it is now
     * @throws ControlException also if no device of that name has access
     */
    public Device revoke(String name) throws ControlException {
        if (name.isEmpty() || name.chars().anyMatch(Character::isISOControl)) {
            throw new ControlException("a device name is not empty and has no control characters");
        }
        return device(only(ask(ControlProtocol.REVOKE + name)));
    }

    /** A backup written by the server: its file, size in bytes, and the last sync time of the changes it holds. */
    public record Backup(Path file, long bytes, long lastSyncTime) {
    }

    /**
     * Has the server write a backup of itself to {@code file} (docs/server.md, "Backups"), without
     * stopping it; waits as long as the copy takes (up to {@value #BACKUP_SECONDS} s).
     *
     * @throws ControlException also if the file cannot be written (then nothing was)
     */
    public Backup backup(Path file) throws ControlException {
        Path target = file.toAbsolutePath().normalize();
        String line = only(ask(ControlProtocol.BACKUP + target, BACKUP_SECONDS));
        String[] fields = line.split("\t");
        try {
            if (fields.length != 2) {
                throw new IllegalArgumentException("not a backup line: " + line);
            }
            return new Backup(target, Long.parseLong(fields[0]), Long.parseLong(fields[1]));
        } catch (IllegalArgumentException e) {
            throw garbled(e);
        }
    }

    private List<String> ask(String request) throws ControlException {
        return ask(request, ANSWER_SECONDS);
    }

    private List<String> ask(String request, long answerSeconds) throws ControlException {
        Path socket = dataDir.resolve(ControlProtocol.SOCKET_FILE);
        if (!Files.exists(socket)) {
            if (Files.isDirectory(dataDir) && !Files.isExecutable(dataDir)) {
                throw new ControlException("cannot reach the Weft server with data dir " + dataDir
                        + ": permission denied (only the user who runs the server can)");
            }
            throw notRunning(null);
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            CompletableFuture<Void> timeout = CompletableFuture.runAsync(() -> close(channel),
                    CompletableFuture.delayedExecutor(answerSeconds, TimeUnit.SECONDS));
            try {
                ByteBuffer out = ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8));
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                return answer(Channels.newInputStream(channel));
            } finally {
                timeout.cancel(false);
            }
        } catch (ConnectException e) {
            throw notRunning(e);
        } catch (AsynchronousCloseException e) {
            throw new ControlException("the Weft server with data dir " + dataDir + " did not answer within "
                    + answerSeconds + " s", e);
        } catch (IOException e) {
            throw new ControlException("cannot reach the Weft server with data dir " + dataDir + " through "
                    + socket + ": " + e.getMessage(), e);
        }
    }

    private List<String> answer(InputStream in) throws IOException, ControlException {
        List<String> lines = new ArrayList<>();
        while (true) {
            Optional<String> line = ControlProtocol.readLine(in);
            if (line.isEmpty()) {
                throw new ControlException("the Weft server with data dir " + dataDir + " broke off its answer");
            }
            if (line.get().equals(ControlProtocol.END)) {
                return lines;
            }
            if (line.get().startsWith(ControlProtocol.ERROR)) {
                throw new ControlException(line.get().substring(ControlProtocol.ERROR.length()));
            }
            lines.add(line.get());
        }
    }

    private ControlException notRunning(Throwable cause) {
        return new ControlException("no Weft server is running with data dir " + dataDir, cause);
    }

    private String only(List<String> lines) throws ControlException {
        if (lines.size() != 1) {
            throw garbled(new IllegalArgumentException(lines.size() + " lines where one was expected"));
        }
        return lines.get(0);
    }

    private Device device(String line) throws ControlException {
        try {
            return ControlProtocol.device(line);
        } catch (IllegalArgumentException e) {
            throw garbled(e);
        }
    }

    private ControlException garbled(IllegalArgumentException e) {
        return new ControlException("the Weft server with data dir " + dataDir + " answered something else: "
                + e.getMessage(), e);
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }
}
