package dev.weft.server;

import io.undertow.websockets.WebSocketExtension;
import io.undertow.websockets.extensions.ExtensionFunction;
import io.undertow.websockets.extensions.ExtensionHandshake;
import io.undertow.websockets.extensions.PerMessageDeflateFunction;
import java.util.List;
import java.util.Locale;

/**
 * permessage-deflate (RFC 7692) for {@code /v1/sync}, with fixed parameters for every connection.
 *
 * <p>Undertow's own {@code PerMessageDeflateHandshake} is one object shared by all upgrades and
 * flips its context takeover fields when one client's offer asks for it; a later connection would
 * then be created with the flipped setting while its client was told nothing, and its messages
 * would not decompress. Here nothing is shared but constants: the server keeps its compression
 * context (better ratio for a session's stream of small ops) unless a client asks otherwise, and
 * an offer that needs something the JDK's {@code Deflater} cannot do (a window below 32 KiB) or that
 * would need per-connection state is declined, so that client simply gets uncompressed messages.
 *
 * <p>Memory: each connection that negotiates it holds one {@code Deflater} and one {@code Inflater}
 * (zlib, 15-bit window, memLevel 8): about 95 KiB resident once small messages went through, about
 * 300 KiB after large ones (measured; see docs/websocket-client.md), freed at close.
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
                case "client_max_window_bits", "client_no_context_takeover" -> {
                    // hints: we may ignore them; our Inflater keeps a 32 KiB window and its context,
                    // which decodes whatever the client does
                }
                case "server_max_window_bits" -> {
                    if (value == null || !value.trim().equals("15")) {
                        return null; // the JDK Deflater cannot use a smaller window
                    }
                }
                case "server_no_context_takeover" -> {
                    return null; // would need a per-connection setting: decline, the client may offer again without it
                }
                default -> {
                    return null; // unknown parameter: decline this offer (RFC 7692 §5)
                }
            }
        }
        return new WebSocketExtension(NAME);
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
        return new PerMessageDeflateFunction(level, true, true, maxBufferBytes);
    }
}
