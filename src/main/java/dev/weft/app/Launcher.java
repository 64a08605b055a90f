package dev.weft.app;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;

/** Parses the arguments and runs the command, printing to the given streams; returns the exit status. */
final class Launcher {
    /** The command did what it was asked. */
    static final int OK = 0;
    /** The command ran and failed (an unreadable or invalid file, a server that cannot start, for some). */
    static final int FAILED = 1;
    /** The arguments were wrong. */
    static final int USAGE = 2;
    /**
     * A sync ended in sync but for changes held back: too many notes' files gone or erased at once
     * (docs/vault.md, "Mass deletes and erasures"); the user decides with a flag.
     */
    static final int HELD = 3;
    /** A sync ended in sync, but the server refused a rename made here (the note took its name back). */
    static final int REFUSED = 4;

    private final PrintStream out;
    private final PrintStream err;
    private final Places places;
    private final ShutdownHooks hooks;

    Launcher(PrintStream out, PrintStream err, Places places, ShutdownHooks hooks) {
        this.out = out;
        this.err = err;
        this.places = places;
        this.hooks = hooks;
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
        if (command instanceof Command.Server server) {
            return new ServerCommand(out, err, hooks).run(server);
        }
        if (command instanceof Command.RestoredServer restored) {
            return new ServerCommand(out, err, hooks).restoreThenRun(restored.backup(), restored.server());
        }
        if (command instanceof Command.RepairStore repair) {
            return new RepairStoreCommand(out, err).run(repair.data());
        }
        if (command instanceof Command.Trash trash) {
            return new TrashCommand(out, err, ZoneId.systemDefault()).run(trash);
        }
        if (command instanceof Command.History history) {
            return new HistoryCommand(out, err, ZoneId.systemDefault()).run(history);
        }
        if (command instanceof Command.CompactStore compact) {
            return new CompactStoreCommand(out, err).run(compact.data());
        }
        if (command instanceof Command.Sync sync) {
            return new SyncCommand(out, err, hooks).run(sync);
        }
        ServerAdmin admin = new ServerAdmin(out, err, ZoneId.systemDefault());
        if (command instanceof Command.PairCode pairCode) {
            return admin.pairCode(pairCode.data());
        }
        if (command instanceof Command.Devices devices) {
            return admin.devices(devices.data());
        }
        if (command instanceof Command.Backup backup) {
            return admin.backup(backup.file(), backup.data());
        }
        if (command instanceof Command.Revoke revoke) {
            return admin.revoke(revoke.device(), revoke.data());
        }
        if (command instanceof Command.Gui gui) {
            return new GuiCommand(places, out).run(gui);
        }
        throw new IllegalStateException("no runner for " + command);
    }
}
