package dev.weft.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code weft}'s arguments into one {@link Command}: the subcommands ({@code pair-code},
 * {@code devices}, {@code revoke}, {@code backup}, {@code sync}, {@code history}, {@code trace}) here, the option-only forms (the
 * desktop app, {@code --server}, {@code --version}) in {@link TopLevelLine}. {@code --help} or
 * {@code -h} anywhere asks for help.
 */
final class CommandLine {
    /** Timed runs of a trace replay without {@code --runs}. */
    static final int DEFAULT_RUNS = 5;
    /** Most {@code --runs} a trace replay accepts. */
    static final int MAX_RUNS = 1000;

    private static final ArgScanner PAIR_CODE = dataOnly("weft pair-code");
    private static final ArgScanner DEVICES = dataOnly("weft devices");
    private static final ArgScanner REVOKE = dataOnly("weft revoke");
    private static final ArgScanner REPAIR_STORE = dataOnly("weft repair-store");
    private static final ArgScanner BACKUP = dataOnly("weft backup");
    private static final ArgScanner COMPACT_STORE = dataOnly("weft compact-store");
    private static final ArgScanner TRASH = new ArgScanner("weft trash", Map.of("--vault", "DIR", "--batch", "B"),
            Set.of("--all"));
    private static final ArgScanner HISTORY = new ArgScanner("weft history", Map.of("--vault", "DIR", "--at", "TIME"),
            Set.of());
    private static final ArgScanner SYNC = new ArgScanner("weft sync",
            Map.of("--vault", "DIR", "--pair", "LINK", "--name", "NAME"), Set.of("--watch", "--allow-deletes", "--allow-erasures", "--restore-files"));
    private static final ArgScanner TRACE = new ArgScanner("weft trace",
            Map.of("--runs", "N"), Set.of("--json"));
    private static final String PAIR_LINK_PREFIX = "weft://";

    private CommandLine() {
    }

    static Command parse(List<String> args, Places places) throws UsageException {
        if (args.contains("--help") || args.contains("-h")) {
            return new Command.Help();
        }
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            return TopLevelLine.parse(args, places);
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "pair-code" -> new Command.PairCode(data(PAIR_CODE.scan(rest), places));
            case "devices" -> new Command.Devices(data(DEVICES.scan(rest), places));
            case "revoke" -> revoke(REVOKE.scan(rest), places);
            case "repair-store" -> new Command.RepairStore(data(REPAIR_STORE.scan(rest), places));
            case "backup" -> backup(BACKUP.scan(rest), places);
            case "compact-store" -> new Command.CompactStore(data(COMPACT_STORE.scan(rest), places));
            case "trash" -> trash(TRASH.scan(rest), places);
            case "history" -> history(HISTORY.scan(rest), places);
            case "sync" -> sync(SYNC.scan(rest), places);
            case "trace" -> trace(TRACE.scan(rest));
            default -> throw new UsageException("unknown command '" + args.get(0) + "'");
        };
    }

    private static ArgScanner dataOnly(String command) {
        return new ArgScanner(command, Map.of("--data", "DIR"), Set.of());
    }

    private static Path data(Scanned scanned, Places places) throws UsageException {
        scanned.noWordsAfter(0);
        return scanned.path("--data", places.serverData());
    }

    private static Command revoke(Scanned scanned, Places places) throws UsageException {
        String device = scanned.onlyWord("weft revoke", "the NAME of a device (see 'weft devices')");
        return new Command.Revoke(device, scanned.path("--data", places.serverData()));
    }

    private static Command backup(Scanned scanned, Places places) throws UsageException {
        String file = scanned.onlyWord("weft backup", "the backup FILE to write");
        return new Command.Backup(Scanned.toPath("backup FILE", file), scanned.path("--data", places.serverData()));
    }

    private static Command sync(Scanned scanned, Places places) throws UsageException {
        scanned.noWordsAfter(0);
        var link = scanned.value("--pair");
        if (link.isPresent() && !link.get().startsWith(PAIR_LINK_PREFIX)) {
            throw new UsageException("--pair needs a pairing link " + PAIR_LINK_PREFIX
                    + "HOST:PORT/pair?code=...&fp=... (from 'weft pair-code'), not '" + link.get() + "'");
        }
        return new Command.Sync(scanned.path("--vault", places.vault()), link, scanned.value("--name"), scanned.has("--watch"),
                new Command.HeldDecisions(scanned.has("--allow-deletes"), scanned.has("--allow-erasures"),
                        scanned.has("--restore-files")));
    }

    private static Command trash(Scanned scanned, Places places) throws UsageException {
        List<String> words = scanned.words();
        String action = words.isEmpty() ? "" : words.get(0);
        List<String> notes = words.isEmpty() ? List.of() : words.subList(1, words.size());
        boolean all = scanned.has("--all");
        var batch = scanned.value("--batch");
        if (action.isEmpty()) {
            if (all || batch.isPresent()) {
                throw new UsageException("--all and --batch go with 'weft trash restore' or 'weft trash purge'");
            }
        } else if (!action.equals("restore") && !action.equals("purge")) {
            throw new UsageException("'weft trash' lists the trash; 'weft trash restore' or 'weft trash purge' change it,"
                    + " not '" + action + "'");
        } else if ((notes.isEmpty() ? 0 : 1) + (all ? 1 : 0) + (batch.isPresent() ? 1 : 0) != 1) {
            throw new UsageException("'weft trash " + action + "' needs the NOTEs, --batch B or --all (one of them)");
        }
        return new Command.Trash(scanned.path("--vault", places.vault()), action, List.copyOf(notes), batch, all);
    }

    private static Command history(Scanned scanned, Places places) throws UsageException {
        String note = scanned.onlyWord("weft history", "the NOTE (its name in the vault, as 'weft trash' lists it)");
        return new Command.History(scanned.path("--vault", places.vault()), note, scanned.value("--at"));
    }

    private static Command trace(Scanned scanned) throws UsageException {
        String file = scanned.onlyWord("weft trace", "a trace FILE");
        return new Command.Trace(Scanned.toPath("trace FILE", file),
                scanned.number("--runs", DEFAULT_RUNS, 1, MAX_RUNS), scanned.has("--json"));
    }
}
