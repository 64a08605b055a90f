package dev.weft.client.ws;

import dev.weft.server.DeflateHandshake;
import io.undertow.Undertow;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xnio.Pooled;

/**
 * A real Undertow WebSocket server on 127.0.0.1 that echoes binary messages and obeys text
 * commands: {@code close CODE}, {@code ping}, {@code zeros N} (a binary of N zero bytes),
 * {@code text}. Pongs are answered with a text {@code pong:PAYLOAD}.
 */
final class EchoServer implements AutoCloseable {
    static final int MAX = 17 << 20;
    private final Undertow undertow;

    EchoServer(boolean deflate) {
        WebSocketProtocolHandshakeHandler handler = new WebSocketProtocolHandshakeHandler((io.undertow.websockets.WebSocketConnectionCallback) (exchange, channel) -> {
            channel.getReceiveSetter().set(new Echo());
            channel.resumeReceives();
        });
        if (deflate) {
            handler.addExtension(new DeflateHandshake(1, MAX));
        }
        undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(handler).build();
        undertow.start();
    }

    URI uri() {
        int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        return URI.create("ws://127.0.0.1:" + port + "/echo");
    }

    @Override
    public void close() {
        undertow.stop();
    }

    private static final class Echo extends AbstractReceiveListener {
        @Override
        protected long getMaxBinaryBufferSize() {
            return MAX;
        }

        @Override
        protected long getMaxTextBufferSize() {
            return 1024;
        }

        @Override
        protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
            Pooled<ByteBuffer[]> data = message.getData();
            try {
                ByteBuffer[] buffers = data.getResource();
                int n = 0;
                for (ByteBuffer b : buffers) {
                    n += b.remaining();
                }
                ByteBuffer copy = ByteBuffer.allocate(n);
                for (ByteBuffer b : buffers) {
                    copy.put(b);
                }
                copy.flip();
                WebSockets.sendBinary(copy, channel, null);
            } finally {
                data.free();
            }
        }

        @Override
        protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
            String data = message.getData(); // getData() hands the text out once
            String[] command = data.split(" ", 2);
            switch (command[0]) {
                case "close" -> WebSockets.sendClose(Integer.parseInt(command[1]), "as asked", channel, null);
                case "ping" -> WebSockets.sendPing(ByteBuffer.wrap("p1".getBytes(StandardCharsets.UTF_8)), channel, null);
                case "zeros" -> WebSockets.sendBinary(ByteBuffer.allocate(Integer.parseInt(command[1])), channel, null);
                default -> WebSockets.sendText("text:" + data, channel, null);
            }
        }

        @Override
        protected void onFullPongMessage(WebSocketChannel channel, io.undertow.websockets.core.BufferedBinaryMessage message) {
            Pooled<ByteBuffer[]> data = message.getData();
            try {
                StringBuilder s = new StringBuilder();
                for (ByteBuffer b : data.getResource()) {
                    s.append(StandardCharsets.UTF_8.decode(b));
                }
                WebSockets.sendText("pong:" + s, channel, null);
            } finally {
                data.free();
            }
        }
    }
}
