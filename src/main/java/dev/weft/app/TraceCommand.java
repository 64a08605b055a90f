package dev.weft.app;

import dev.weft.app.trace.EditingTrace;
import dev.weft.app.trace.TraceFormatException;
import dev.weft.app.trace.TraceReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code weft trace FILE}: reads the trace {@code --runs} times, timing each read, and prints a
 * {@link TraceReport}. Replaying it through the CRDT waits for the CRDT, so for now the command
 * says so and ends with status 2 after the report.
 */
final class TraceCommand {
    private final PrintStream out;
    private final PrintStream err;

    TraceCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Command.Trace options) {
        EditingTrace trace = null;
        List<Long> parseNanos = new ArrayList<>(options.runs());
        try {
            for (int i = 0; i < options.runs(); i++) {
                long start = System.nanoTime();
                trace = TraceReader.read(options.file());
                parseNanos.add(System.nanoTime() - start);
            }
        } catch (IOException e) {
            err.println("weft: " + options.file() + ": " + problem(e));
            return Launcher.FAILED;
        }
        TraceReport report = new TraceReport(options.file(), trace, parseNanos);
        if (options.json()) {
            report.printJson(out);
        } else {
            report.printText(out);
        }
        err.println("weft: replaying the trace through the CRDT is not built yet; it was only read.");
        return Launcher.USAGE;
    }

    private static String problem(IOException e) {
        if (e instanceof TraceFormatException) {
            return "not a valid editing trace: " + e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return "cannot read: " + e.getMessage();
    }
}
