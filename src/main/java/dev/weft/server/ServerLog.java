package dev.weft.server;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One line per event on a stream: connections opened and closed, errors, start and stop. */
public final class ServerLog {
    private final PrintStream out;

    public ServerLog(PrintStream out) {
        this.out = out;
    }

    /** A log that writes nothing (tests that do not look at it). */
    public static ServerLog silent() {
        return new ServerLog(new PrintStream(PrintStream.nullOutputStream()));
    }

    public void info(String line) {
        out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
    }

    public void error(String line, Throwable cause) {
        info("ERROR " + line + (cause == null ? "" : ": " + cause));
    }
}
