package dev.weft.client;

import dev.weft.protocol.PairingLink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A {@code weft --server --no-tls} child on a free loopback port for the measuring programs
 * ({@link BigNoteMeasure}, {@link VaultDiskMeasure}), started with the heap given and its output
 * drained; {@link #link} is the first pair link it prints.
 */
record MeasureServer(Process process, PairingLink link) {
    static MeasureServer start(String jar, String xmx, Path data) throws Exception {
        int port = dev.weft.testing.WeftChild.freePort();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("java", "-Xmx" + xmx));
        String jvm = System.getProperty("weft.serverJvm", ""); // e.g. -XX:StartFlightRecording=filename=server.jfr
        if (!jvm.isBlank()) {
            command.addAll(java.util.List.of(jvm.trim().split("\\s+")));
        }
        command.addAll(java.util.List.of("-jar", jar, "--server", "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--no-tls", "--data", data.toString()));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> link = firstPairLink(server);
        return new MeasureServer(server, PairingLink.parse(link.get()));
    }

    /** The first pair link the server prints; the rest of its output is drained. */
    static CompletableFuture<String> firstPairLink(Process server) {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> link = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("pair: ")) {
                        link.complete(line.substring(6));
                    }
                }
            } catch (IOException e) {
                // the server ended
            }
            link.completeExceptionally(new IOException("the server ended before it printed a pair link"));
        });
        drain.setDaemon(true);
        drain.start();
        return link;
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
