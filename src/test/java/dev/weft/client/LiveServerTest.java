package dev.weft.client;

import dev.weft.server.WeftServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test with a real server on 127.0.0.1 (data in {@code dir/server}) and devices it closes after,
 * newest first, before the server.
 */
abstract class LiveServerTest {
    @TempDir
    Path dir;
    WeftServer server;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = LoopbackServer.start(dir.resolve("server"));
    }

    /** Starts the server again on its data, on {@code port}. */
    WeftServer restart(int port) throws Exception {
        return LoopbackServer.start(dir.resolve("server"), port);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        server.close();
    }
}
