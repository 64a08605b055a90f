package dev.weft.vault;

import static dev.weft.vault.TestReplicas.DOC;
import static dev.weft.vault.TestReplicas.atom;
import static dev.weft.vault.TestReplicas.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.Atom;
import dev.weft.testing.SmallDisk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note on a real small tmpfs that fills up: a keystroke whose append fails is taken back (the
 * replica holds what is saved, and says the disk is full), remote ops likewise, and once space is
 * freed the next keystroke is saved, with no reopen; after a reopen the text is what was saved.
 */
class VaultDiskFullTest {
    @TempDir
    Path tmp;
    SmallDisk disk;
    Path vault;

    @BeforeEach
    void mount() throws Exception {
        disk = SmallDisk.mount(tmp, 2);
        vault = disk.dir().resolve("vault");
    }

    @AfterEach
    void unmount() throws Exception {
        disk.close();
    }

    @Test
    void aKeystrokeThatCannotBeSavedIsTakenBackAndTypingGoesOnOnceThereIsSpace() throws Exception {
        StringBuilder saved = new StringBuilder();
        try (NoteReplica r = NoteReplica.open(new VaultPaths(vault), DOC, options(1, 7))) {
            r.insert(0, "saved".repeat(40));
            saved.append("saved".repeat(40));
            disk.fill();
            IOException refused = typeUntilRefused(r, saved);
            assertThat(DiskFull.causes(refused)).as(refused.toString()).isTrue();
            assertThat(r.text()).isEqualTo(saved.toString());
            int pending = r.log().pendingCount();
            // the records of these take more than the rest of the log's last page
            assertThatThrownBy(() -> r.insert(r.length(), "y")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> r.delete(0, 200)).isInstanceOf(IOException.class);
            List<Atom> remote = IntStream.range(0, 200).mapToObj(i -> atom(9, 100 + i, 'R')).toList();
            assertThatThrownBy(() -> r.applyRemote(remote, List.of())).isInstanceOf(IOException.class);
            assertThat(r.text()).isEqualTo(saved.toString());
            assertThat(r.log().pendingCount()).isEqualTo(pending);

            disk.free();
            r.insert(r.length(), "!");
            saved.append('!');
            r.applyRemote(List.of(atom(9, 1, 'r')), List.of());
            saved.insert(0, 'r');
            assertThat(r.text()).isEqualTo(saved.toString());
        }
        try (NoteReplica r = NoteReplica.open(new VaultPaths(vault), DOC, options(1, 8))) {
            assertThat(r.text()).isEqualTo(saved.toString());
            assertThat(r.log().pendingCount()).isEqualTo(saved.length() - 1);
        }
    }

    /** Types one character at a time at the end until an append fails; returns the failure. */
    private static IOException typeUntilRefused(NoteReplica r, StringBuilder saved) {
        for (int i = 0; i < 100_000; i++) {
            char c = (char) ('a' + i % 26);
            try {
                r.insert(r.length(), String.valueOf(c));
            } catch (IOException e) {
                return e;
            }
            saved.append(c);
        }
        throw new AssertionError("the disk never filled up");
    }
}
