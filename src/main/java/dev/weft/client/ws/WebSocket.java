package dev.weft.client.ws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One open client WebSocket (RFC 6455), made by {@link WebSocketClient#connect}. Its reader thread
 * reads frames and calls the {@link Listener}; sends are queued on its writer thread, one frame
 * sequence after the other, and complete their future once written to the socket.
 */
public final class WebSocket {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final PerMessageDeflate deflate;
    private final Options options;
    private final Listener listener;
    private final String name;
    private final ExecutorService writer;
    private final byte[] maskBuffer = new byte[64 * 1024];
    private volatile long lastHeard = System.nanoTime();
    private volatile long lastPing = System.nanoTime();
    private volatile boolean outputClosed;
    private volatile boolean aborted;
    private final java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();
    private ScheduledFuture<?> keepalive;
    private ScheduledFuture<?> closeTimer;
    /** The headers of the server's {@code 101}, names lower-cased; set before the socket is read. */
    private volatile java.util.Map<String, String> upgradeHeaders = java.util.Map.of();

    WebSocket(Socket socket, InputStream in, OutputStream out, PerMessageDeflate deflate, Options options,
            Listener listener, String name) {
        this.socket = socket;
        this.in = new InputStream() {
            @Override
            public int read() throws IOException {
                int b = in.read();
                lastHeard = System.nanoTime();
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                lastHeard = System.nanoTime();
                return n;
            }
        };
        this.out = out;
        this.deflate = deflate;
        this.options = options;
        this.listener = listener;
        this.name = name;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "weft-ws-writer " + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** A header of the server's {@code 101} (any case), or null. */
    public String upgradeHeader(String name) {
        return upgradeHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    void upgradeHeaders(java.util.Map<String, String> headers) {
        this.upgradeHeaders = java.util.Map.copyOf(headers);
    }

    /** The negotiated permessage-deflate parameters, or null when messages go uncompressed. */
    public String extension() {
        return deflate == null ? null : deflate.params().toString();
    }

    /** True once a close frame was sent or the connection is gone: sends then fail. */
    public boolean isOutputClosed() {
        return outputClosed || aborted;
    }

    /** Queues {@code message} as one binary message; the future completes once it is written. */
    public CompletableFuture<Void> sendBinary(byte[] message) {
        return send(Inbound.BINARY, message);
    }

    /** Queues {@code message} as one text message (UTF-8). */
    public CompletableFuture<Void> sendText(String message) {
        return send(Inbound.TEXT, message.getBytes(StandardCharsets.UTF_8));
    }

    private CompletableFuture<Void> send(int opcode, byte[] message) {
        return submit(() -> {
            if (outputClosed) {
                throw new IOException("the WebSocket output is closed");
            }
            byte[] payload = message;
            boolean rsv1 = false;
            if (deflate != null && message.length >= options.compressMinBytes()) {
                byte[] compressed = deflate.compress(message);
                if (compressed != null) {
                    payload = compressed;
                    rsv1 = true;
                }
            }
            int fragment = options.fragmentBytes() == 0 ? Integer.MAX_VALUE : options.fragmentBytes();
            long wire = 0;
            int at = 0;
            do {
                int n = Math.min(fragment, payload.length - at);
                boolean fin = at + n == payload.length;
                wire += writeFrame(at == 0 ? opcode : Inbound.CONTINUATION, fin, rsv1 && at == 0, payload, at, n);
                at += n;
            } while (at < payload.length);
            // counted before the flush: once flushed, the answer can be read (and a sync return) first
            options.meter().sent(message.length, wire);
            out.flush();
        });
    }

    /**
     * Sends a close frame with {@code code} and {@code reason} (cut to 123 bytes) unless one was
     * sent; the server's answer reaches {@link Listener#onClose}. Without one within the close
     * timeout, the socket is closed and the listener hears {@code onError}.
     */
    public CompletableFuture<Void> close(int code, String reason) {
        return submit(() -> sendClose(code, reason));
    }

    /** Closes the socket at once, without a close handshake; the listener hears nothing more. */
    public void abort() {
        reported.set(true);
        aborted = true;
        shutdown();
    }

    // ---- reader thread

    void start() {
        Thread reader = new Thread(this::read, "weft-ws-reader " + name);
        reader.setDaemon(true);
        reader.start();
        long period = Math.max(10, options.pingInterval().toMillis() / 4);
        keepalive = WebSocketClient.TIMERS.scheduleAtFixedRate(this::keepalive, period, period, TimeUnit.MILLISECONDS);
    }

    private void read() {
        Inbound inbound = new Inbound(in, deflate, options.maxMessageBytes());
        try {
            while (true) {
                Inbound.Event event = inbound.next();
                if (event instanceof Inbound.Data data) {
                    options.meter().received(data.bytes().length, data.wire());
                    if (data.text()) {
                        deliver(() -> listener.onText(new String(data.bytes(), StandardCharsets.UTF_8)));
                    } else {
                        deliver(() -> listener.onBinary(data.bytes()));
                    }
                } else if (event instanceof Inbound.Ping ping) {
                    submit(() -> {
                        if (!outputClosed) {
                            writeFrame(Inbound.PONG, true, false, ping.payload(), 0, ping.payload().length);
                            out.flush();
                        }
                    });
                } else if (event instanceof Inbound.Close close) {
                    // answer with the same code (RFC 6455 §5.5.1) unless we started the close, then close TCP
                    try {
                        submit(() -> sendClose(close.code() == 1005 ? -1 : close.code(), ""))
                                .get(options.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    } catch (Exception e) {
                        // the socket closes anyway
                    }
                    finish(() -> listener.onClose(close.code(), close.reason()));
                    return;
                }
            }
        } catch (CloseException e) {
            try {
                submit(() -> sendClose(e.code(), e.getMessage())).get(options.closeTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (Exception ignored) {
                // the socket closes anyway
            }
            finish(() -> listener.onClose(e.code(), e.getMessage()));
        } catch (IOException | RuntimeException e) {
            finish(() -> listener.onError(e));
        } finally {
            shutdown();
            if (deflate != null) {
                deflate.endDecompressor();
            }
        }
    }

    private void keepalive() {
        long now = System.nanoTime();
        long silent = now - lastHeard;
        if (silent >= options.idleTimeout().toNanos()) {
            finish(() -> listener.onError(new SocketTimeoutException(
                    "nothing heard from the server for " + options.idleTimeout().toSeconds() + " s")));
            shutdown();
        } else if (silent >= options.pingInterval().toNanos() && now - lastPing >= options.pingInterval().toNanos()) {
            lastPing = now;
            submit(() -> {
                if (!outputClosed) {
                    writeFrame(Inbound.PING, true, false, new byte[0], 0, 0);
                    out.flush();
                }
            });
        }
    }

    /** Calls the listener (no lock held: it may call back into this socket from any thread). */
    private void deliver(Runnable call) {
        if (!reported.get()) {
            call.run();
        }
    }

    /** Makes the one terminal call, unless one was made or the owner aborted. */
    private void finish(Runnable call) {
        if (reported.compareAndSet(false, true)) {
            call.run();
        }
    }

    private void shutdown() {
        outputClosed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
        if (keepalive != null) {
            keepalive.cancel(false);
        }
        synchronized (this) {
            if (closeTimer != null) {
                closeTimer.cancel(false);
            }
        }
        try {
            writer.execute(() -> {
                if (deflate != null) {
                    deflate.endCompressor();
                }
            });
        } catch (RejectedExecutionException e) {
            // already shut down
        }
        writer.shutdown();
    }

    // ---- writer thread

    private interface Io {
        void run() throws IOException;
    }

    private CompletableFuture<Void> submit(Io task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            writer.execute(() -> {
                try {
                    task.run();
                    done.complete(null);
                } catch (IOException | RuntimeException e) {
                    done.completeExceptionally(e);
                    if (!aborted && !outputClosed) {
                        finish(() -> listener.onError(e));
                        shutdown();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IOException("the WebSocket is closed"));
        }
        return done;
    }

    /** {@code code} -1: a close frame without a code. */
    private void sendClose(int code, String reason) throws IOException {
        if (outputClosed) {
            return;
        }
        byte[] payload;
        if (code < 0) {
            payload = new byte[0];
        } else {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            int n = Math.min(text.length, 123);
            while (n > 0 && n < text.length && (text[n] & 0xc0) == 0x80) {
                n--; // do not cut a character in two
            }
            payload = new byte[2 + n];
            payload[0] = (byte) (code >> 8);
            payload[1] = (byte) code;
            System.arraycopy(text, 0, payload, 2, n);
        }
        writeFrame(Inbound.CLOSE, true, false, payload, 0, payload.length);
        out.flush();
        outputClosed = true;
        synchronized (this) {
            closeTimer = WebSocketClient.TIMERS.schedule(() -> {
                finish(() -> listener.onError(new SocketTimeoutException("the server did not answer the close frame")));
                shutdown();
            }, options.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Writes one masked frame; returns its size on the wire. */
    private long writeFrame(int opcode, boolean fin, boolean rsv1, byte[] payload, int offset, int length)
            throws IOException {
        byte[] header = new byte[14];
        header[0] = (byte) ((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode);
        int h;
        if (length < 126) {
            header[1] = (byte) (0x80 | length);
            h = 2;
        } else if (length <= 0xffff) {
            header[1] = (byte) (0x80 | 126);
            header[2] = (byte) (length >> 8);
            header[3] = (byte) length;
            h = 4;
        } else {
            header[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                header[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
            h = 10;
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        System.arraycopy(mask, 0, header, h, 4);
        h += 4;
        out.write(header, 0, h);
        for (int done = 0; done < length; ) {
            int n = Math.min(maskBuffer.length, length - done);
            for (int i = 0; i < n; i++) {
                maskBuffer[i] = (byte) (payload[offset + done + i] ^ mask[(done + i) & 3]);
            }
            out.write(maskBuffer, 0, n);
            done += n;
            // a long upload blocks our pings behind it; bytes the server's TCP keeps taking prove it alive
            lastHeard = System.nanoTime();
        }
        return h + (long) length;
    }

    @Override
    public String toString() {
        return "WebSocket " + name + (deflate == null ? "" : " (" + deflate.params() + ")");
    }
}
