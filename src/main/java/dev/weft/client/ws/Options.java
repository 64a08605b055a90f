package dev.weft.client.ws;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WebSocket} connects and behaves.
 *
 * @param connectTimeout TCP connect, TLS handshake and HTTP upgrade, each
 * @param pingInterval a ping is sent after this long without a byte from the server
 * @param idleTimeout the connection is dropped ({@link Listener#onError}) after this long without a byte
 * @param closeTimeout how long the server has to answer our close frame before the socket is closed
 * @param maxMessageBytes largest message accepted, counted after decompression; above it: close 1009
 * @param offerDeflate offer permessage-deflate (RFC 7692) in the upgrade request
 * @param deflateLevel {@link java.util.zip.Deflater} level for outgoing messages, 0..9 or -1
 * @param compressMinBytes messages shorter than this are sent uncompressed
 * @param fragmentBytes outgoing messages longer than this go out as several frames; 0 for one frame
 * @param meter told the size of every data message sent and received
 */
public record Options(Duration connectTimeout, Duration pingInterval, Duration idleTimeout, Duration closeTimeout,
        int maxMessageBytes, boolean offerDeflate, int deflateLevel, int compressMinBytes, int fragmentBytes,
        Meter meter) {
    /** 10 s connect, ping after 30 s of silence, drop after 60 s, 16 MiB messages, deflate offered. */
    public static final Options DEFAULT = new Options(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofSeconds(5), 16 << 20, true, 6, 64, 0, Meter.NONE);

    public Options {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        Objects.requireNonNull(meter, "meter");
        if (pingInterval.isNegative() || pingInterval.isZero() || idleTimeout.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("need 0 < pingInterval < idleTimeout");
        }
        if (maxMessageBytes < 1 || deflateLevel < -1 || deflateLevel > 9 || compressMinBytes < 0 || fragmentBytes < 0) {
            throw new IllegalArgumentException("bad WebSocket options");
        }
    }

    public Options withMaxMessageBytes(int bytes) {
        return new Options(connectTimeout, pingInterval, idleTimeout, closeTimeout, bytes, offerDeflate, deflateLevel,
                compressMinBytes, fragmentBytes, meter);
    }

    public Options withDeflate(boolean offer) {
        return new Options(connectTimeout, pingInterval, idleTimeout, closeTimeout, maxMessageBytes, offer, deflateLevel,
                compressMinBytes, fragmentBytes, meter);
    }

    public Options withKeepalive(Duration ping, Duration idle) {
        return new Options(connectTimeout, ping, idle, closeTimeout, maxMessageBytes, offerDeflate, deflateLevel,
                compressMinBytes, fragmentBytes, meter);
    }

    public Options withFragmentBytes(int bytes) {
        return new Options(connectTimeout, pingInterval, idleTimeout, closeTimeout, maxMessageBytes, offerDeflate,
                deflateLevel, compressMinBytes, bytes, meter);
    }

    public Options withMeter(Meter m) {
        return new Options(connectTimeout, pingInterval, idleTimeout, closeTimeout, maxMessageBytes, offerDeflate,
                deflateLevel, compressMinBytes, fragmentBytes, m);
    }

    /** Sizes of data messages: {@code payload} as the application sees it, {@code wire} as framed on the socket. */
    public interface Meter {
        Meter NONE = new Meter() {
            @Override
            public void sent(int payload, long wire) {
            }

            @Override
            public void received(int payload, long wire) {
            }
        };

        /** A message of {@code payload} bytes went out as {@code wire} bytes of frames (headers, mask, compressed payload). */
        void sent(int payload, long wire);

        /** A message of {@code payload} bytes (decompressed) came in as {@code wire} bytes of frames. */
        void received(int payload, long wire);
    }
}
