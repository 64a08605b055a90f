package dev.weft.app;

import dev.weft.app.trace.EditingTrace;
import dev.weft.app.trace.TraceFormatException;
import dev.weft.app.trace.TraceReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * {@code weft trace FILE [--runs N] [--json]}: replays an editing trace through the CRDT, checks
 * that every replica ends with the trace's {@code endContent}, and prints the figures
 * {@link TraceMeasurer} defines (median of {@code --runs} timed runs after warm-up) as a short
 * table or, with {@code --json}, one line of JSON.
 *
 * <p>Exit status {@link Launcher#OK} when every replica matched; {@link Launcher#FAILED} when one
 * did not (the report is printed, each difference goes to stderr), and when the file cannot be
 * read or is not a valid trace.
 */
final class TraceCommand {
    private final PrintStream out;
    private final PrintStream err;

    TraceCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Command.Trace options) {
        EditingTrace trace;
        try {
            trace = TraceReader.read(options.file());
        } catch (IOException e) {
            err.println("weft: " + options.file() + ": " + problem(e));
            return Launcher.FAILED;
        }
        TraceReport report;
        try {
            report = new TraceMeasurer(options.runs()).measure(options.file(), trace);
        } catch (TraceFormatException e) {
            err.println("weft: " + options.file() + ": " + problem(e));
            return Launcher.FAILED;
        } catch (IOException e) {
            err.println("weft: cannot write or read a temporary .md.structure file: " + e.getMessage());
            return Launcher.FAILED;
        }
        if (options.json()) {
            report.printJson(out);
        } else {
            report.printText(out);
        }
        for (String problem : report.problems()) {
            err.println("weft: " + options.file() + ": replay is wrong: " + problem);
        }
        return report.ok() ? Launcher.OK : Launcher.FAILED;
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
