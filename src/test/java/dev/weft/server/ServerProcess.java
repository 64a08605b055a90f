package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.PairingLink;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code target/weft.jar} run as a child process (the integration tests: {@code mvn verify} builds
 * the jar first): a server ({@link #startServer}) or one command run to its end ({@link #run}).
 * The child writes its output to files in a folder of the test's, read as they grow: reading a
 * child's pipe while it exits can lose the last lines ({@code Stream closed}).
 */
final class ServerProcess implements AutoCloseable {
    private static final Path JAR = Path.of(System.getProperty("weft.jar", "target/weft.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final AtomicInteger CHILDREN = new AtomicInteger();

    /** What a finished command printed, and its exit status. */
    record Finished(int status, String out, String err) {
    }

    private final Process process;
    private final Path out;
    private final Path err;

    private ServerProcess(Path dir, List<String> args) throws IOException {
        int n = CHILDREN.incrementAndGet();
        this.out = dir.resolve("weft-" + n + ".out");
        this.err = dir.resolve("weft-" + n + ".err");
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(args);
        this.process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /** A loopback port that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs {@code weft ARGS} to its end (at most 60 s), its output kept in {@code dir}. */
    static Finished run(Path dir, String... args) throws Exception {
        ServerProcess child = new ServerProcess(dir, List.of(args));
        int status = child.finish();
        return new Finished(status, child.out(), child.err());
    }

    /** Starts {@code weft --server} on 127.0.0.1:{@code port} with {@code data}, its output kept in {@code dir}. */
    static ServerProcess startServer(Path dir, Path data, int port) throws IOException {
        return new ServerProcess(dir, List.of("--server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--data", data.toString()));
    }

    /** Waits (up to 30 s) for the {@code pair: } line of a started server and returns its link. */
    PairingLink pairingLink() throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end && process.isAlive()) {
            var line = out().lines().filter(l -> l.startsWith("pair: ")).findFirst();
            if (line.isPresent()) {
                return PairingLink.parse(line.get().substring("pair: ".length()));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no 'pair: ' line within 30 s; stdout:\n" + out() + "stderr:\n" + err());
    }

    /** Sends SIGTERM and waits for the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        return finish();
    }

    /** Sends SIGKILL and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        finish();
    }

    private int finish() throws InterruptedException {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("weft ends within 60 s").isTrue();
        return process.exitValue();
    }

    /** Kills the process if it still runs (a test that failed half way). */
    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** What the child wrote to standard output so far. */
    String out() {
        return read(out);
    }

    /** What the child wrote to standard error so far. */
    String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
