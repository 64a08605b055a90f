package dev.weft.vault;

import static dev.weft.vault.TestReplicas.DOC;
import static dev.weft.vault.TestReplicas.atom;
import static dev.weft.vault.TestReplicas.describe;
import static dev.weft.vault.TestReplicas.open;
import static dev.weft.vault.TestReplicas.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.Pid;
import dev.weft.protocol.StructureFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoteReplicaTest {
    @TempDir
    Path vault;

    @Test
    void editsInUtf16UnitsCountAnEmojiAsTwoAndOneAtom() throws IOException {
        try (NoteReplica r = open(vault)) {
            r.insertUtf16(0, "a😀b");
            assertThat(r.utf16Length()).isEqualTo(4);
            assertThat(r.length()).isEqualTo(3);
            assertThatThrownBy(() -> r.deleteUtf16(1, 1)).isInstanceOf(IllegalArgumentException.class);
            List<LocalOp> ops = r.deleteUtf16(1, 2);
            assertThat(describe(ops)).containsExactly("D4");
            assertThat(r.text()).isEqualTo("ab");
            assertThat(r.log().pending()).hasSize(2);
        }
        try (NoteReplica r = open(vault)) {
            assertThat(r.text()).isEqualTo("ab");
        }
    }

    @Test
    void remoteOpsAreLoggedOnlyWhenTheyChangeSomething() throws IOException {
        try (NoteReplica r = open(vault)) {
            assertThat(r.applyRemoteInsert(atom(9, 10, 'x'))).isZero();
            long size = r.log().sizeBytes();
            assertThat(r.applyRemoteInsert(atom(9, 10, 'x'))).isEqualTo(-1);
            assertThat(r.applyRemoteDelete(Pid.single(9, 11))).as("unknown: a tombstone").isEqualTo(-1);
            long withTombstone = r.log().sizeBytes();
            assertThat(withTombstone).isGreaterThan(size);
            assertThat(r.applyRemoteDelete(Pid.single(9, 11))).isEqualTo(-1);
            r.applyRemote(List.of(atom(9, 10, 'x'), atom(9, 11, 'y')), List.of(Pid.single(9, 11)));
            assertThat(r.log().sizeBytes()).as("all known already").isEqualTo(withTombstone);
            r.applyRemoteName("Inbox");
            r.applyRemoteName("Inbox");
            assertThat(r.log().pending()).isEmpty();
        }
        try (NoteReplica r = open(vault)) {
            r.applyRemoteInsert(atom(9, 11, 'y'));
            assertThat(r.text()).as("a delete that came first keeps its atom dead").isEqualTo("x");
            assertThat(r.name()).hasValue("Inbox");
        }
    }

    @Test
    void compactionWritesTheStructureAtTheSyncTimeAndKeepsOnlyWhatIsUnacknowledged() throws IOException {
        long before;
        try (NoteReplica r = open(vault)) {
            r.insert(0, "hello world");
            r.log().markSent(11);
            r.log().acknowledge(5);
            r.applyRemote(List.of(atom(9, 1, '!')), List.of());
            r.log().currentTo(1234);
            before = r.log().sizeBytes();
            List<String> pending = describe(r.log().pending());
            r.compact();
            assertThat(describe(r.log().pending())).isEqualTo(pending);
            assertThat(r.log().sizeBytes()).isLessThan(before);
        }
        StructureFile.Header header = StructureFile.read(new VaultPaths(vault).structure(DOC), (k, o, d, c) -> {
        });
        assertThat(header.lastModified()).isEqualTo(1234);
        try (NoteReplica r = open(vault)) {
            assertThat(r.log().syncTime()).isEqualTo(1234);
            assertThat(r.text()).contains("hello world").contains("!");
            assertThat(describe(r.log().pending())).containsExactly("I6  ", "I7 w", "I8 o", "I9 r", "I10 l", "I11 d");
        }
    }

    @Test
    void seqsGoOnAfterACompactionThatLeftNothingPending() throws IOException {
        try (NoteReplica r = open(vault)) {
            r.insert(0, "abc");
            r.delete(0, 3);
            r.compact();
        }
        try (NoteReplica r = open(vault)) {
            assertThat(r.log().lastSeq()).isEqualTo(6);
            assertThat(r.insert(0, "d").get(0).seq()).isEqualTo(7);
        }
    }

    @Test
    void theLogIsCompactedByItselfOnceItGrewByTheThreshold() throws IOException {
        int[] compactions = {0};
        CompactionHook count = step -> {
            if (step == CompactionHook.Step.STRUCTURE_WRITTEN) {
                compactions[0]++;
            }
        };
        VaultPaths paths = new VaultPaths(vault);
        try (NoteReplica r = NoteReplica.open(paths, DOC, options(1, 3).withCompactAtBytes(4096), count)) {
            for (int i = 0; i < 600; i++) {
                r.insert(i, "x");
                if (i % 50 == 49) {
                    r.log().markSent(r.log().lastSeq());
                    r.log().acknowledge(r.log().lastSeq() - 10);
                }
                // a fresh log holds at most the 60 unacknowledged inserts, then grows by 4096 bytes
                assertThat(r.log().sizeBytes()).isLessThan(60 * 50 + 4096 + 200);
            }
            assertThat(r.log().pending()).hasSize(10);
            assertThat(compactions[0]).as("about 24 KiB of records, a compaction per 4 KiB").isBetween(4, 8);
            r.compact();
            int after = compactions[0];
            r.insert(0, "y");
            assertThat(compactions[0]).as("the next one waits for the log to grow again").isEqualTo(after);
        }
        try (NoteReplica r = open(vault)) {
            assertThat(r.text()).isEqualTo("y" + "x".repeat(600));
            assertThat(r.log().pending()).hasSize(11);
        }
    }

    @Test
    void anExplicitCompactionWithNoThresholdDoesNotCompactEveryAppend() throws IOException {
        int[] compactions = {0};
        try (NoteReplica r = NoteReplica.open(new VaultPaths(vault), DOC, options(1, 3), step -> {
            if (step == CompactionHook.Step.STRUCTURE_WRITTEN) {
                compactions[0]++;
            }
        })) {
            r.insert(0, "a");
            r.compact();
            r.insert(0, "b");
            r.insert(0, "c");
        }
        assertThat(compactions[0]).isEqualTo(1);
    }

    @Test
    void compactionAtRandomMomentsKeepsTextAndPendingExactly() throws IOException {
        Random random = new Random(42);
        NoteReplica r = open(vault);
        for (int step = 0; step < 2000; step++) {
            int choice = random.nextInt(100);
            RecordLog log = r.log();
            if (choice < 45 || r.length() == 0) {
                r.insert(random.nextInt(r.length() + 1), Character.toString('a' + random.nextInt(26)));
            } else if (choice < 75) {
                r.delete(random.nextInt(r.length()), 1);
            } else if (choice < 85) {
                log.markSent(log.lastSeq());
            } else if (choice < 92 && log.sentThrough() > log.acknowledgedThrough()) {
                log.acknowledge(log.acknowledgedThrough() + 1
                        + random.nextInt((int) (log.sentThrough() - log.acknowledgedThrough())));
            } else if (choice < 97) {
                r.applyRemoteInsert(atom(9, 1 + random.nextInt(1000), 'R'));
            } else {
                String text = r.text();
                List<String> pending = describe(log.pending());
                if (random.nextBoolean()) {
                    r.compact();
                } else {
                    r.close();
                    r = open(vault);
                }
                assertThat(r.text()).isEqualTo(text);
                assertThat(describe(r.log().pending())).as("step %d", step).isEqualTo(pending);
            }
        }
        r.close();
    }

    @Test
    void aClosedReplicaRefusesEdits() throws IOException {
        NoteReplica r = open(vault);
        r.close();
        assertThatThrownBy(() -> r.insert(0, "a")).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThat(r.text()).as("the document was not touched").isEmpty();
    }

    @Test
    void aStructureFileOfAnotherDocumentIsRefused() throws IOException {
        try (NoteReplica r = open(vault)) {
            r.insert(0, "a");
            r.compact();
        }
        VaultPaths paths = new VaultPaths(vault);
        java.util.UUID other = java.util.UUID.randomUUID();
        Files.copy(paths.structure(DOC), paths.structure(other));
        assertThatThrownBy(() -> NoteReplica.open(paths, other, options(1, 1))).isInstanceOf(IOException.class)
                .hasMessageContaining("holds document " + DOC);
    }
}
