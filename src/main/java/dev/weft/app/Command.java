package dev.weft.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one run of {@code weft} was asked to do, with every option validated and every default
 * filled in. Made by {@link CommandLine}, run by {@link Launcher}.
 */
sealed interface Command {
    /**
     * {@code weft [--vault DIR]}: the desktop app, on {@code vault} if given, else on the folder
     * its settings name (asked on first run).
     */
    record Gui(Optional<Path> vault) implements Command {
    }

    /** {@code weft --server ...}: the sync server. */
    record Server(int port, Path data, String bind, Tls tls, int trashDays, int historyDays,
            dev.weft.server.FileLimits files) implements Command {
        /** Files as {@link dev.weft.server.FileLimits#DEFAULT}. */
        Server(int port, Path data, String bind, Tls tls, int trashDays, int historyDays) {
            this(port, data, bind, tls, trashDays, historyDays, dev.weft.server.FileLimits.DEFAULT);
        }

        /** Notes stay in the trash {@value #DEFAULT_TRASH_DAYS} days. */
        Server(int port, Path data, String bind, Tls tls) {
            this(port, data, bind, tls, DEFAULT_TRASH_DAYS);
        }

        /** Deleted text is kept forever ({@code --history-days 0}). */
        Server(int port, Path data, String bind, Tls tls, int trashDays) {
            this(port, data, bind, tls, trashDays, 0);
        }

        static final int DEFAULT_TRASH_DAYS = 30;
    }

    /**
     * {@code weft --server --restore FILE ...}: makes the new data dir of {@code server} from the
     * backup {@code backup}, then runs the server on it.
     */
    record RestoredServer(Path backup, Server server) implements Command {
    }

    /** {@code weft backup FILE}: a backup of the server whose data is in {@code data}, written by it to {@code file}. */
    record Backup(Path file, Path data) implements Command {
    }

    /** {@code weft pair-code}: a fresh pairing link from the server whose data is in {@code data}. */
    record PairCode(Path data) implements Command {
    }

    /** {@code weft devices}: the devices paired with the server whose data is in {@code data}. */
    record Devices(Path data) implements Command {
    }

    /** {@code weft revoke NAME}: withdraws a paired device's access. */
    record Revoke(String device, Path data) implements Command {
    }

    /**
     * {@code weft trash}: lists the vault's trash ({@code action} empty), or restores or deletes
     * forever the notes named, a batch, or all of them.
     */
    record Trash(Path vault, String action, List<String> notes, Optional<String> batch, boolean all) implements Command {
    }

    /**
     * {@code weft history NOTE}: lists the note's versions as the server keeps them, or with
     * {@code at} (ISO-8601 or a version number) prints its text as of then.
     */
    record History(Path vault, String note, Optional<String> at) implements Command {
    }

    /** {@code weft compact-store}: rewrites the stopped server's store file with only what it holds now. */
    record CompactStore(Path data) implements Command {
    }

    /** {@code weft repair-store}: rebuilds the stopped server's damaged store from what reads. */
    record RepairStore(Path data) implements Command {
    }

    /**
     * {@code weft sync}: headless sync of a vault, once or (with {@code watch}) until stopped;
     * pairs first with {@code pairLink} as {@code deviceName} (default: this computer's name);
     * {@code decisions} settles changes held back by the mass-change guard first.
     */
    record Sync(Path vault, Optional<String> pairLink, Optional<String> deviceName, boolean watch,
            HeldDecisions decisions) implements Command {
    }

    /**
     * What {@code weft sync} does with held changes: {@code --allow-deletes} trashes the gone notes
     * everywhere, {@code --allow-erasures} sends the erased text, {@code --restore-files} writes the
     * files of the rest again from the vault's copy.
     */
    record HeldDecisions(boolean allowDeletes, boolean allowErasures, boolean restoreFiles) {
        static final HeldDecisions NONE = new HeldDecisions(false, false, false);
    }

    /** {@code weft trace FILE}: replay an editing trace, check it, report medians of {@code runs} runs. */
    record Trace(Path file, int runs, boolean json) implements Command {
    }

    /** {@code weft --help}. */
    record Help() implements Command {
    }

    /** {@code weft --version}. */
    record ShowVersion() implements Command {
    }
}
