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
 * as a flaky network would: devices paired through it lose their connections mid-message.
 */
final class CuttingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

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
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // listener closed, or the server is down: the device sees a reset and retries
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // cut
            } finally {
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
        cutAll();
    }
}
