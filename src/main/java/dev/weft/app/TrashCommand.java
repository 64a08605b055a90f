package dev.weft.app;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.TrashInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code weft trash}: lists the vault's trash (when, by which device, batch, note), restores notes or
 * a batch, asks to delete notes forever. Changes the vault only: the next sync (the window or
 * {@code weft sync}) takes them to the server. Exit 2 for a note or batch not in the trash.
 */
final class TrashCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final PrintStream out;
    private final PrintStream err;
    private final ZoneId zone;

    TrashCommand(PrintStream out, PrintStream err, ZoneId zone) {
        this.out = out;
        this.err = err;
        this.zone = zone;
    }

    int run(Command.Trash command) {
        try (Vault vault = Vault.open(command.vault(), VaultOptions.defaults())) {
            return switch (command.action()) {
                case "" -> list(vault);
                case "restore" -> restore(vault, command);
                case "purge" -> purge(vault, command);
                default -> throw new IllegalStateException(command.action());
            };
        } catch (IOException e) {
            err.println("weft trash: " + e.getMessage());
            return Launcher.FAILED;
        }
    }

    private int list(Vault vault) {
        Map<UUID, TrashInfo> info = vault.trashInfo();
        List<NoteInfo> trashed = new ArrayList<>(vault.notes().stream().filter(NoteInfo::trashed).toList());
        trashed.sort(Comparator.comparingLong((NoteInfo n) -> at(info, n)).reversed().thenComparing(NoteInfo::name));
        out.println("TRASHED\tBY\tBATCH\tNOTE");
        for (NoteInfo n : trashed) {
            TrashInfo t = info.getOrDefault(n.id(), new TrashInfo(0, 0, "", false, false));
            out.println((t.at() == 0 ? "-" : WHEN.format(Instant.ofEpochSecond(0, t.at() * 1000).atZone(zone))) + "\t"
                    + (t.local() ? "this device" : t.device().isEmpty() ? "-" : t.device()) + "\t"
                    + (t.batch() == 0 ? "-" : HexFormat.of().toHexDigits(t.batch())) + "\t" + n.name()
                    + (t.purgeAsked() ? "\t(deleting forever at the next sync)" : ""));
        }
        return Launcher.OK;
    }

    private static long at(Map<UUID, TrashInfo> info, NoteInfo n) {
        return Optional.ofNullable(info.get(n.id())).map(TrashInfo::at).orElse(0L);
    }

    private int restore(Vault vault, Command.Trash command) throws IOException {
        Optional<List<UUID>> ids = chosen(vault, command);
        if (ids.isEmpty()) {
            return Launcher.USAGE;
        }
        vault.restore(ids.get());
        out.println("restored " + count(ids.get().size()) + "; the next sync takes " + them(ids.get().size())
                + " to every device");
        return Launcher.OK;
    }

    private int purge(Vault vault, Command.Trash command) throws IOException {
        Optional<List<UUID>> ids = chosen(vault, command);
        if (ids.isEmpty()) {
            return Launcher.USAGE;
        }
        int asked = vault.askPurge(ids.get());
        if (!vault.device().isPaired()) {
            out.println("deleted " + count(asked) + " forever"); // no server: gone at once
            return Launcher.OK;
        }
        out.println("deleting " + count(asked) + " forever: the next sync removes " + them(asked)
                + " from the server (text and history) and from every device");
        return Launcher.OK;
    }

    /** The notes in the trash the command names (all, a batch, or names); empty after saying what is wrong. */
    private Optional<List<UUID>> chosen(Vault vault, Command.Trash command) {
        List<NoteInfo> trashed = vault.notes().stream().filter(NoteInfo::trashed).toList();
        if (command.all()) {
            return Optional.of(trashed.stream().map(NoteInfo::id).toList());
        }
        if (command.batch().isPresent()) {
            String batch = command.batch().get().toLowerCase(Locale.ROOT);
            Map<UUID, TrashInfo> info = vault.trashInfo();
            List<UUID> ids = trashed.stream().map(NoteInfo::id).filter(id -> info.containsKey(id)
                    && info.get(id).batch() != 0 && HexFormat.of().toHexDigits(info.get(id).batch()).endsWith(batch))
                    .toList();
            if (ids.isEmpty()) {
                err.println("weft trash: no note in the trash is in batch " + batch + " (see 'weft trash')");
                return Optional.empty();
            }
            return Optional.of(ids);
        }
        List<UUID> ids = new ArrayList<>();
        for (String name : command.notes()) {
            Optional<NoteInfo> note = trashed.stream().filter(n -> n.name().equals(name)).findFirst();
            if (note.isEmpty()) {
                err.println("weft trash: '" + name + "' is not in the trash (see 'weft trash')");
                return Optional.empty();
            }
            ids.add(note.get().id());
        }
        return Optional.of(ids);
    }

    private static String count(int n) {
        return n + (n == 1 ? " note" : " notes");
    }

    private static String them(int n) {
        return n == 1 ? "it" : "them";
    }
}
