package dev.weft.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 in front of a server that can cut every connection through it at once,
 * as a flaky network would: devices paired through it lose their connections mid-message. It can
 * also hold back what the server sends on the connections open at one moment, as a slow route
 * would, so that a device gets an answer on one connection after later news on another.
 */
final class CuttingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Gate> toDevices = ConcurrentHashMap.newKeySet();

    CuttingRelay(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread accept = new Thread(this::accept, "relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Resets every connection through the relay. */
    void cutAll() {
        for (Socket s : sockets) {
            try {
                s.setSoLinger(true, 0); // RST, like a dropped network, not a polite FIN
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
        sockets.clear();
    }

    /** Holds what the server sends on every connection open now, until {@link #release()}; later ones flow. */
    void holdToDevices() {
        toDevices.forEach(Gate::hold);
    }

    void release() {
        toDevices.forEach(Gate::open);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException down) {
                    client.setSoLinger(true, 0);
                    client.close(); // the server is down: the device sees a reset and retries
                    continue;
                }
                sockets.add(client);
                sockets.add(server);
                Gate gate = new Gate();
                toDevices.add(gate);
                pump(client, server, Gate.NEVER_HELD);
                pump(server, client, gate);
            } catch (IOException e) {
                // listener closed, or the server is down: the device sees a reset and retries
            }
        }
    }

    private void pump(Socket from, Socket to, Gate gate) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    gate.pass();
                    out.write(buffer, 0, n);
                }
            } catch (IOException | InterruptedException e) {
                // cut
            } finally {
                toDevices.remove(gate);
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // gone
                }
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        release();
        cutAll();
    }

    /** Lets bytes through, or holds them while held. */
    private static final class Gate {
        static final Gate NEVER_HELD = new Gate();

        private boolean held;

        synchronized void hold() {
            held = true;
        }

        synchronized void open() {
            held = false;
            notifyAll();
        }

        synchronized void pass() throws InterruptedException {
            while (held) {
                wait();
            }
        }
    }
}
