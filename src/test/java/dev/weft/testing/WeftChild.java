package dev.weft.testing;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code java -jar target/weft.jar ARGS} as a user runs it: a child process seen only through its
 * arguments, exit status and output (the integration and end-to-end tests; {@code mvn verify}
 * builds the jar first).
 * Output goes to files in the test's folder, read as they grow: reading a child's pipe while it
 * exits can lose the last lines.
 */
public final class WeftChild implements AutoCloseable {
    private static final Path JAR = Path.of(System.getProperty("weft.jar", "target/weft.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final AtomicInteger CHILDREN = new AtomicInteger();

    /** What a finished command printed, and its exit status. */
    public record Finished(List<String> args, int status, String out, String err) {
        /** The status, asserted to be 0, with the output in the failure message. */
        public Finished ok() {
            assertThat(status).as("weft %s%nstdout: %s%nstderr: %s", String.join(" ", args), out, err).isZero();
            return this;
        }
    }

    private final List<String> args;
    private final Process process;
    private final Path out;
    private final Path err;

    private WeftChild(Path logs, List<String> args) throws IOException {
        int n = CHILDREN.incrementAndGet();
        this.args = List.copyOf(args);
        this.out = logs.resolve("weft-" + n + ".out");
        this.err = logs.resolve("weft-" + n + ".err");
        // the child keeps devices' tokens where this JVM does (the build's test folder), never in the real home
        String config = System.getProperty("weft.config-dir", logs.resolve("config").toString());
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-Xmx256m", "-Dweft.config-dir=" + config,
                "-jar", JAR.toString()));
        command.addAll(args);
        this.process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /** A loopback port that was free a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs {@code weft ARGS} to its end (at most 60 s). */
    public static Finished run(Path logs, String... args) throws IOException, InterruptedException {
        WeftChild child = new WeftChild(logs, List.of(args));
        int status = child.finish();
        return new Finished(child.args, status, child.out(), child.err());
    }

    /** Starts {@code weft ARGS} (a server) and returns at once. */
    public static WeftChild start(Path logs, String... args) throws IOException {
        return new WeftChild(logs, List.of(args));
    }

    /** Starts {@code weft --server} on 127.0.0.1:{@code port} with {@code data}, its output kept in {@code logs}. */
    public static WeftChild startServer(Path logs, Path data, int port) throws IOException {
        return start(logs, "--server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--data", data.toString());
    }

    /** Waits (up to 60 s) for a line of standard output that starts with {@code prefix}; returns the rest. */
    public String awaitLine(String prefix) throws InterruptedException {
        Eventually.eventually("a line '" + prefix + "…' or the end of weft",
                () -> line(prefix).isPresent() || !process.isAlive());
        return line(prefix).map(line -> line.substring(prefix.length())).orElseThrow(() -> new AssertionError(
                "no line '" + prefix + "…' from weft " + String.join(" ", args) + "\nstdout:\n" + out() + "stderr:\n" + err()));
    }

    private java.util.Optional<String> line(String prefix) {
        return out().lines().filter(l -> l.startsWith(prefix)).findFirst();
    }

    /** SIGTERM, then the exit status. */
    public int stop() throws InterruptedException {
        process.destroy();
        return finish();
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        finish();
    }

    private int finish() throws InterruptedException {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("weft %s ends within 60 s", args).isTrue();
        return process.exitValue();
    }

    /** Kills the process if it still runs (a test that failed half way). */
    @Override
    public void close() {
        process.destroyForcibly();
    }

    public String out() {
        return read(out);
    }

    public String err() {
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
