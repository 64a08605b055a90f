package dev.weft.app;

import java.io.PrintStream;
import java.util.List;

/** Parses the arguments and runs the command, printing to the given streams; returns the exit status. */
final class Launcher {
    /** The command did what it was asked. */
    static final int OK = 0;
    /** The command ran and failed (an unreadable or invalid file, for one). */
    static final int FAILED = 1;
    /** The arguments were wrong, or they asked for a part of Weft that is not built yet. */
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Places places;

    Launcher(PrintStream out, PrintStream err, Places places) {
        this.out = out;
        this.err = err;
        this.places = places;
    }

    int run(String[] args) {
        Command command;
        try {
            command = CommandLine.parse(List.of(args), places);
        } catch (UsageException e) {
            err.println("weft: " + e.getMessage());
            err.println("Run 'weft --help' for usage.");
            return USAGE;
        }
        return execute(command);
    }

    private int execute(Command command) {
        if (command instanceof Command.Help) {
            out.print(Usage.TEXT);
            return OK;
        }
        if (command instanceof Command.ShowVersion) {
            out.println("weft " + AppVersion.current());
            return OK;
        }
        if (command instanceof Command.Trace trace) {
            return new TraceCommand(out, err).run(trace);
        }
        err.println("weft: " + notBuilt(command));
        return USAGE;
    }

    private static String notBuilt(Command command) {
        if (command instanceof Command.Gui) {
            return "the desktop app is not built yet.";
        }
        if (command instanceof Command.Server) {
            return "the server is not built yet.";
        }
        if (command instanceof Command.Sync) {
            return "headless sync is not built yet.";
        }
        if (command instanceof Command.PairCode || command instanceof Command.Devices
                || command instanceof Command.Revoke) {
            return "pair-code, devices and revoke need the server, which is not built yet.";
        }
        throw new IllegalStateException("no runner for " + command);
    }
}
