package dev.weft.client;

import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import java.nio.file.Path;

/** A real Weft server for client tests: 127.0.0.1, a self-signed certificate, silent. */
final class LoopbackServer {
    private LoopbackServer() {
    }

    /** On a free port. */
    static WeftServer start(Path data) throws Exception {
        return start(data, 0);
    }

    /** On {@code port} (a restart keeps the port its devices paired with). */
    static WeftServer start(Path data, int port) throws Exception {
        return WeftServer.start(new ServerConfig("127.0.0.1", port, data, new ServerConfig.TlsSetting.SelfSigned(),
                Limits.DEFAULT), ServerLog.silent());
    }
}
