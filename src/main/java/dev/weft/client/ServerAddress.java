package dev.weft.client;

import dev.weft.protocol.PairingLink;
import dev.weft.vault.DeviceState;
import java.net.URI;

/**
 * Where a device's server is and how it is trusted: host, port, and the SHA-256 fingerprint of its
 * certificate, or {@link DeviceState#PLAIN} for a server that runs without TLS.
 */
record ServerAddress(String host, int port, String fingerprint) {
    static ServerAddress of(PairingLink link) {
        return new ServerAddress(link.host(), link.port(), link.fingerprint());
    }

    static ServerAddress of(DeviceState device) {
        if (!device.isPaired()) {
            throw new IllegalStateException("this vault is not paired with a server");
        }
        return new ServerAddress(device.serverHost(), device.serverPort(), device.certificateFingerprint());
    }

    boolean tls() {
        return !DeviceState.PLAIN.equals(fingerprint);
    }

    /** {@code http(s)://} or {@code ws(s)://} (by {@code scheme}) to {@code path} on this server. */
    URI uri(String scheme, String path) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create(scheme + (tls() ? "s" : "") + "://" + h + ":" + port + path);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
