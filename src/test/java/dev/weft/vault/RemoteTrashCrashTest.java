package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.vault.text.MarkdownFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many notes' trash flags from the server in one {@link Vault#applyRemoteTrashed(Map)} (one index
 * write), then their times, as the sync engine does: a kill ({@code abandon}: nothing more is
 * written) after the flags and part of the times reopens with every flag and no time past one.
 */
class RemoteTrashCrashTest {
    private static final int NOTES = 40;

    @TempDir
    Path dir;

    private static UUID id(int i) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", i + 1));
    }

    private static List<Atom> atoms(int site, String text) {
        List<Atom> atoms = new ArrayList<>();
        long ident = 1;
        for (int cp : text.codePoints().toArray()) {
            atoms.add(new Atom(Pid.single(site, ident++), cp));
        }
        return atoms;
    }

    private static Map<UUID, Boolean> all(boolean trashed) {
        Map<UUID, Boolean> flags = new LinkedHashMap<>();
        for (int i = 0; i < NOTES; i++) {
            flags.put(id(i), trashed);
        }
        return flags;
    }

    @Test
    void aKillAfterTheFlagsAndPartOfTheTimesReopensWithEveryFlagBothWays() throws IOException {
        Vault vault = TestVaults.open(dir);
        for (int i = 0; i < NOTES; i++) {
            vault.applyRemote(id(i), "note " + i, atoms(2, "text " + i), List.of());
            vault.currentTo(id(i), 10);
        }
        vault.flush();
        for (int i = 0; i < NOTES; i++) {
            vault.trashNews(id(i), 15, 7, "laptop");
        }
        vault.applyRemoteTrashed(all(true));
        for (int i = 0; i < NOTES / 2; i++) {
            vault.currentTo(id(i), 20); // the kill comes before the other half's times
        }
        vault.abandon();
        try (Vault reopened = TestVaults.open(dir)) {
            for (int i = 0; i < NOTES; i++) {
                assertThat(reopened.note(id(i)).orElseThrow().trashed()).as("note %d", i).isTrue();
                assertThat(reopened.syncTime(id(i))).isEqualTo(i < NOTES / 2 ? 20 : 10);
                assertThat(reopened.trashInfo().get(id(i)).batch()).isEqualTo(7); // written with the flags
                assertThat(dir.resolve("note " + i + ".md")).doesNotExist();
            }
            assertThat(reopened.pendingTrashChanges()).isEmpty(); // nothing taken for a user's delete
            reopened.applyRemoteTrashed(all(false));
            for (int i = 0; i < NOTES / 2; i++) {
                reopened.currentTo(id(i), 30);
            }
            reopened.abandon();
        }
        try (Vault again = TestVaults.open(dir)) {
            again.flush();
            for (int i = 0; i < NOTES; i++) {
                assertThat(again.note(id(i)).orElseThrow().trashed()).as("note %d", i).isFalse();
                assertThat(again.syncTime(id(i))).isEqualTo(i < NOTES / 2 ? 30 : 10);
                assertThat(MarkdownFiles.read(dir.resolve("note " + i + ".md"))).isEqualTo("text " + i);
            }
            assertThat(again.pendingTrashChanges()).isEmpty();
        }
    }
}
