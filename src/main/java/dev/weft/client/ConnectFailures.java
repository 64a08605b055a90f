package dev.weft.client;

import dev.weft.client.ws.HandshakeException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Why a connection to the server failed, in one sentence for the user. */
final class ConnectFailures {
    private ConnectFailures() {
    }

    static String describe(ServerAddress server, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HandshakeException h) {
                int status = h.status();
                return status == 401
                        ? "the server at " + server + " no longer accepts this device (revoked, or unknown to a"
                                + " store that was lost or put back from an older copy); pair it again with a fresh"
                                + " link: nothing on this device is lost"
                        : status == 101 ? "the server at " + server + " broke the WebSocket handshake: " + h.getMessage()
                        : "the server at " + server + " refused the connection with HTTP " + status;
            }
            if (t instanceof ConnectException) {
                return "cannot reach the Weft server at " + server + ": connection refused (is it running?)";
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return "the Weft server at " + server + " did not answer in time";
            }
            if (t instanceof SSLException) {
                return "the server at " + server + " does not present the certificate this device paired with,"
                        + " or does not speak TLS (" + t.getMessage() + ")";
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "cannot find the host " + server.host();
            }
        }
        return "cannot reach the Weft server at " + server + ": " + e;
    }

    /** True when the server said another copy of this vault uses its token ({@code 409} at the upgrade). */
    static boolean isCopy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HandshakeException h && h.status() == 409) {
                return true;
            }
        }
        return false;
    }

    /** True when retrying cannot help: the device was revoked. */
    static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HandshakeException h && h.status() == 401) {
                return true;
            }
        }
        return false;
    }
}
