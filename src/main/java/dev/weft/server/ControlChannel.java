package dev.weft.server;

import dev.weft.store.DiskFullException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's end of the control socket ({@link ControlProtocol}): a Unix domain socket in the
 * data dir, which is {@code 0700}, the socket itself {@code 0600}, so only the user who runs the
 * server can ask it for a pairing code. One thread accepts; each request is answered on a thread
 * of its own and must arrive within {@value #REQUEST_SECONDS} seconds.
 */
final class ControlChannel implements AutoCloseable {
    private static final long REQUEST_SECONDS = 10;

    private final ServerSocketChannel listener;
    private final Path socket;
    private final ServerLog log;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemonThreads());

    private ControlChannel(ServerSocketChannel listener, Path socket, ServerLog log) {
        this.listener = listener;
        this.socket = socket;
        this.log = log;
    }

    /**
     * Listens on {@code dataDir/control.sock}, replacing the socket file a killed server left
     * (the caller holds the data dir's lock, so no live server owns it).
     */
    static ControlChannel bind(Path dataDir, ServerLog log) throws ServerStartException {
        Path socket = dataDir.resolve(ControlProtocol.SOCKET_FILE);
        try {
            Files.deleteIfExists(socket);
            ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                listener.bind(UnixDomainSocketAddress.of(socket));
                if (PrivateDataDir.posix(socket)) {
                    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
                }
            } catch (IOException | RuntimeException e) {
                listener.close();
                throw e;
            }
            return new ControlChannel(listener, socket, log);
        } catch (IOException | UnsupportedOperationException e) {
            String hint = String.valueOf(e.getMessage()).contains("too long") ? " (a shorter data dir path is needed)" : "";
            throw new ServerStartException("cannot open the control socket " + socket + ": " + e.getMessage() + hint, e);
        }
    }

    /** Starts answering requests with {@code requests}. */
    void serve(ControlRequests requests) {
        Thread acceptor = new Thread(() -> accept(requests), "weft-control");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ControlRequests requests) {
        while (true) {
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.error("the control socket stopped accepting", e);
                return;
            }
            try {
                workers.execute(() -> answer(client, requests));
            } catch (RejectedExecutionException e) {
                closeQuietly(client);
                return;
            }
        }
    }

    private void answer(SocketChannel client, ControlRequests requests) {
        CompletableFuture<Void> timeout = CompletableFuture.runAsync(() -> closeQuietly(client),
                CompletableFuture.delayedExecutor(REQUEST_SECONDS, TimeUnit.SECONDS));
        try (client) {
            InputStream in = Channels.newInputStream(client);
            Optional<String> request = ControlProtocol.readLine(in);
            timeout.cancel(false); // the limit is for the request; a backup's answer takes as long as its copy
            List<String> answer;
            try {
                answer = request.map(requests::answer).orElse(List.of(ControlProtocol.ERROR
                        + "a request is one line of at most " + ControlProtocol.MAX_LINE_BYTES + " bytes"));
            } catch (DiskFullException e) {
                answer = List.of(ControlProtocol.ERROR + e.getMessage() + "; free space on it, then try again");
            } catch (RuntimeException e) {
                log.error("control request '" + request.orElse("") + "' failed", e);
                answer = List.of(ControlProtocol.ERROR + "the server failed: " + e.getMessage());
            }
            ByteBuffer bytes = ByteBuffer.wrap((String.join("\n", answer) + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                client.write(bytes);
            }
        } catch (IOException e) {
            // the client went away or was too slow: nothing to answer
        } finally {
            timeout.cancel(false);
        }
    }

    /** Stops answering, waits briefly for requests being answered, removes the socket file. */
    @Override
    public void close() {
        closeQuietly(listener);
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            log.error("cannot remove " + socket, e);
        }
    }

    private static void closeQuietly(Closeable channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "weft-control-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
