package dev.weft.server;

import dev.weft.protocol.Limits;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything {@code weft --server} needs to start, checked once (docs/architecture.md: configuration
 * validated, then frozen).
 *
 * @param bind the address to listen on ({@code 0.0.0.0} or {@code ::} for every interface)
 * @param port the TCP port, 0 for any free one (tests)
 * @param dataDir where the store, the TLS identity and the control socket live
 * @param tls how the listener is secured
 * @param limits message size and text limits
 * @param maxUnsentBytes bytes a connection may have queued for sending before it is closed as too
 *     slow a reader (4008); one frame is always let through
 * @param deflate accept WebSocket permessage-deflate (RFC 7692) from clients that offer it, without
 *     context takeover, zlib state held only while a message is processed (docs/websocket-client.md)
 * @param receive the budget of incoming message bytes and the receive deadline (docs/server.md, "Limits")
 */
public record ServerConfig(String bind, int port, Path dataDir, TlsSetting tls, Limits limits, long maxUnsentBytes,
        boolean deflate, ReceiveLimits receive) {
    /** Default {@link #maxUnsentBytes}: 32 MiB. */
    public static final long DEFAULT_MAX_UNSENT_BYTES = 32L << 20;

    /** A configuration with the default unsent limit, receive limits, and permessage-deflate on. */
    public ServerConfig(String bind, int port, Path dataDir, TlsSetting tls, Limits limits) {
        this(bind, port, dataDir, tls, limits, DEFAULT_MAX_UNSENT_BYTES, true,
                ReceiveLimits.forMessages(limits.maxMessageBytes()));
    }

    /** This config with another {@link #maxUnsentBytes}. */
    public ServerConfig withMaxUnsentBytes(long bytes) {
        return new ServerConfig(bind, port, dataDir, tls, limits, bytes, deflate, receive);
    }

    /** This configuration with permessage-deflate on or off. */
    public ServerConfig withDeflate(boolean on) {
        return new ServerConfig(bind, port, dataDir, tls, limits, maxUnsentBytes, on, receive);
    }

    /** This configuration with other receive limits. */
    public ServerConfig withReceive(ReceiveLimits limits) {
        return new ServerConfig(bind, port, dataDir, tls, this.limits, maxUnsentBytes, deflate, limits);
    }

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(receive, "receive");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 0..65535");
        }
        if (maxUnsentBytes < 1) {
            throw new IllegalArgumentException("maxUnsentBytes " + maxUnsentBytes + " below 1");
        }
        if (receive.perDeviceBytes() < (long) limits.maxMessageBytes() + 2 * MessageReceiver.CHUNK_BYTES) {
            throw new IllegalArgumentException("a device's receive share (" + receive.perDeviceBytes()
                    + " bytes) must hold a message of " + limits.maxMessageBytes() + " bytes and two chunks of "
                    + MessageReceiver.CHUNK_BYTES);
        }
    }

    /** How the listener is secured (docs/protocol.md §7). */
    public sealed interface TlsSetting {
        /** A self-signed certificate created on first start and kept in the data dir. */
        record SelfSigned() implements TlsSetting {
        }

        /** A PEM certificate (chain) and private key supplied by the operator. */
        record Pem(Path certificate, Path key) implements TlsSetting {
            public Pem {
                Objects.requireNonNull(certificate, "certificate");
                Objects.requireNonNull(key, "key");
            }
        }

        /** Plain ws://, only when asked for (a loopback bind, or behind a TLS-terminating proxy). */
        record None() implements TlsSetting {
        }
    }
}
