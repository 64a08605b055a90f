package dev.weft.app;

import dev.weft.vault.HeldChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code weft sync} says of the changes the mass-change guard holds back: one line per kind. */
final class HeldLines {
    private HeldLines() {
    }

    /** One line per kind held: how many notes, where they went, and the ways on. */
    static List<String> of(List<HeldChange> held, long notes, Path folder) {
        long deleted = held.stream().filter(h -> h.kind() == HeldChange.Kind.DELETED).count();
        long erased = held.size() - deleted;
        List<String> lines = new ArrayList<>();
        if (deleted > 0) {
            lines.add("held back: " + deleted + " of " + notes + " notes' files are gone from " + folder
                    + " (deleted, or moved out of the vault), so nothing was trashed; to move them to the trash on"
                    + " every device: weft sync --allow-deletes; to keep them: put the files back, or weft sync"
                    + " --restore-files");
        }
        if (erased > 0) {
            lines.add("held back: " + erased + " of " + notes + " notes' files in " + folder
                    + " were emptied or mostly erased by another program, so no text was erased anywhere; to erase"
                    + " it on every device: weft sync --allow-erasures; to get the text back: weft sync --restore-files");
        }
        return lines;
    }

    /** What a flag did with the held changes of {@code kind}. */
    static String decided(HeldChange.Kind kind, long count, Command.HeldDecisions decisions) {
        boolean allowed = kind == HeldChange.Kind.DELETED ? decisions.allowDeletes() : decisions.allowErasures();
        if (kind == HeldChange.Kind.DELETED) {
            return allowed ? count + " notes whose files are gone go to the trash on every device"
                    : count + " notes' files written again from the vault's copy";
        }
        return allowed ? count + " notes' erased text is erased on every device"
                : count + " notes' erased files written again from the vault's copy";
    }
}
