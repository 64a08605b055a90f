package dev.weft.server;

import io.undertow.websockets.WebSocketExtension;
import io.undertow.websockets.extensions.ExtensionFunction;
import io.undertow.websockets.extensions.ExtensionHandshake;
import io.undertow.websockets.extensions.PerMessageDeflateFunction;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.websockets.core.StreamSinkFrameChannel;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * permessage-deflate (RFC 7692) for {@code /v1/sync}, with the same parameters for every connection:
 * {@code server_no_context_takeover; client_no_context_takeover}.
 *
 * <p>Why no context takeover: memory. A zlib {@code Deflater} with the JDK's fixed 15-bit window and
 * memLevel 8 holds ~256 KiB, an {@code Inflater} ~40 KiB; Undertow's {@code PerMessageDeflateFunction}
 * keeps one of each per connection for its whole life (measured: +320 KiB of server RSS per
 * connection that moved a 40 KB message each way). Without context takeover no state outlives a
 * message, so {@link PerMessageFunction} creates Undertow's function at the first frame of a message
 * and disposes of it after the last: memory follows the messages in flight, not the connections.
 * The cost is ratio on streams of small messages (each compresses alone); a first sync's large
 * messages compress the same.
 *
 * <p>Undertow's own {@code PerMessageDeflateHandshake} is also one object shared by all upgrades
 * that flips its context takeover fields when one client's offer asks for it, for every later
 * connection too; here nothing is shared but constants. Offers asking for a server window below
 * 15 bits (the JDK's Deflater has no smaller one) or with unknown parameters are declined: that
 * client gets plain frames.
 */
public final class DeflateHandshake implements ExtensionHandshake {
    static final String NAME = "permessage-deflate";

    private final int level;
    private final int maxBufferBytes;

    /** {@code level}: the Deflater level of the server's messages; {@code maxBufferBytes}: Undertow's decompression buffer cap. */
    public DeflateHandshake(int level, int maxBufferBytes) {
        this.level = level;
        this.maxBufferBytes = maxBufferBytes;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public WebSocketExtension accept(WebSocketExtension offer) {
        if (offer == null || !NAME.equals(offer.getName())) {
            return null;
        }
        for (WebSocketExtension.Parameter p : offer.getParameters()) {
            String name = p.getName().toLowerCase(Locale.ROOT);
            String value = p.getValue();
            switch (name) {
                case "client_max_window_bits", "client_no_context_takeover", "server_no_context_takeover" -> {
                    // hints, or what we do anyway; our Inflater's 32 KiB window decodes any client window
                }
                case "server_max_window_bits" -> {
                    if (value == null || !value.trim().equals("15")) {
                        return null; // the JDK Deflater cannot use a smaller window
                    }
                }
                default -> {
                    return null; // unknown parameter: decline this offer (RFC 7692 §5)
                }
            }
        }
        WebSocketExtension answer = new WebSocketExtension(NAME);
        answer.getParameters().add(new WebSocketExtension.Parameter("server_no_context_takeover", null));
        answer.getParameters().add(new WebSocketExtension.Parameter("client_no_context_takeover", null));
        return answer;
    }

    @Override
    public boolean isIncompatible(List<ExtensionHandshake> extensions) {
        for (ExtensionHandshake e : extensions) {
            if (NAME.equals(e.getName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ExtensionFunction create() {
        return new PerMessageFunction(level, maxBufferBytes);
    }

    /**
     * Undertow's deflate function without context takeover, alive for one message per direction:
     * made at a message's first frame, disposed of (its zlib memory freed) after its last.
     */
    static final class PerMessageFunction implements ExtensionFunction {
        private final int level;
        private final int maxBufferBytes;
        private PerMessageDeflateFunction writing;
        private PerMessageDeflateFunction reading;

        PerMessageFunction(int level, int maxBufferBytes) {
            this.level = level;
            this.maxBufferBytes = maxBufferBytes;
        }

        private PerMessageDeflateFunction fresh() {
            return new PerMessageDeflateFunction(level, false, false, maxBufferBytes);
        }

        @Override
        public boolean hasExtensionOpCode() {
            return false;
        }

        @Override
        public int writeRsv(int rsv) {
            return rsv | RSV1;
        }

        @Override
        public synchronized PooledByteBuffer transformForWrite(PooledByteBuffer pooled, StreamSinkFrameChannel channel,
                boolean lastFrame) throws IOException {
            if (writing == null) {
                writing = fresh();
            }
            try {
                return writing.transformForWrite(pooled, channel, lastFrame);
            } finally {
                if (lastFrame) {
                    writing.dispose();
                    writing = null;
                }
            }
        }

        @Override
        public synchronized PooledByteBuffer transformForRead(PooledByteBuffer pooled, StreamSourceFrameChannel channel,
                boolean lastFragmentOfMessage) throws IOException {
            if ((channel.getRsv() & RSV1) == 0) {
                return pooled; // an uncompressed message: nothing to make
            }
            if (reading == null) {
                reading = fresh();
            }
            try {
                return reading.transformForRead(pooled, channel, lastFragmentOfMessage);
            } finally {
                if (lastFragmentOfMessage) {
                    reading.dispose();
                    reading = null;
                }
            }
        }

        @Override
        public synchronized void dispose() {
            if (writing != null) {
                writing.dispose();
                writing = null;
            }
            if (reading != null) {
                reading.dispose();
                reading = null;
            }
        }
    }
}
