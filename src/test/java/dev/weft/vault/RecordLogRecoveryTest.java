package dev.weft.vault;

import static dev.weft.vault.TestReplicas.DOC;
import static dev.weft.vault.TestReplicas.atom;
import static dev.weft.vault.TestReplicas.describe;
import static dev.weft.vault.TestReplicas.logFile;
import static dev.weft.vault.TestReplicas.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends survive a reopen; a torn or corrupt tail is cut and reported; damage in the middle is kept aside. */
class RecordLogRecoveryTest {
    @TempDir
    Path vault;

    /** What a replica shows: enough to tell whether a reopen lost or invented anything. */
    private record Seen(String text, List<String> pending, long lastSeq, long sent, long acked, long syncTime,
            String name) {
        static Seen of(NoteReplica r) {
            RecordLog log = r.log();
            return new Seen(r.text(), describe(log.pending()), log.lastSeq(), log.sentThrough(),
                    log.acknowledgedThrough(), log.syncTime(), log.name().orElse(null));
        }
    }

    /** Types, deletes, renames, receives, marks; returns the state before the last one-record append. */
    private Seen writeHistory(NoteReplica r) throws IOException {
        r.insert(0, "héllo wörld 😀");
        r.rename("notes/today");
        r.log().markSent(6);
        r.delete(1, 3);
        r.applyRemoteInsert(atom(9, 1, 'Z'));
        r.applyRemoteDelete(dev.weft.crdt.Pid.single(9, 2));
        r.log().acknowledge(4);
        r.log().currentTo(77);
        return Seen.of(r);
    }

    @Test
    void everyAppendSurvivesAReopenWithoutClose() throws IOException {
        NoteReplica first = open(vault);
        Seen before = writeHistory(first);
        try (NoteReplica again = open(vault)) {
            assertThat(Seen.of(again)).isEqualTo(before);
            assertThat(again.recovery().clean()).isTrue();
            assertThat(before.pending()).contains("I5 o", "R14 notes/today", "D15", "D17")
                    .doesNotContain("I1 h", "I4 l");
        }
        first.close();
    }

    @Test
    void aTornLastRecordIsDroppedAtEveryByteAndNothingBeforeIt() throws IOException {
        Seen before;
        long lastStart;
        try (NoteReplica r = open(vault)) {
            before = writeHistory(r);
            lastStart = r.log().sizeBytes();
            r.insert(2, "x");
        }
        byte[] whole = Files.readAllBytes(logFile(vault));
        assertThat(whole.length - lastStart).as("one local insert record").isBetween(30L, 60L);
        for (int cut = (int) lastStart; cut < whole.length; cut++) {
            Files.write(logFile(vault), Arrays.copyOf(whole, cut));
            try (NoteReplica r = open(vault)) {
                assertThat(Seen.of(r)).as("cut at %d", cut).isEqualTo(before);
                assertThat(r.recovery().droppedBytes()).isEqualTo(cut - lastStart);
                assertThat(r.recovery().tornTail()).isEqualTo(cut > lastStart);
                assertThat(r.recovery().savedCopy()).isEmpty();
            }
            assertThat(Files.size(logFile(vault))).isEqualTo(lastStart);
        }
    }

    @Test
    void aLastRecordWithABadCrcIsATornTail() throws IOException {
        Seen before;
        try (NoteReplica r = open(vault)) {
            before = writeHistory(r);
            r.insert(0, "x");
        }
        byte[] bytes = Files.readAllBytes(logFile(vault));
        bytes[bytes.length - 1] ^= 0x40;
        Files.write(logFile(vault), bytes);
        try (NoteReplica r = open(vault)) {
            assertThat(Seen.of(r)).isEqualTo(before);
            assertThat(r.recovery().tornTail()).isTrue();
            r.insert(0, "y");
        }
        try (NoteReplica r = open(vault)) {
            assertThat(r.recovery().clean()).as("appends after a cut tail read back cleanly").isTrue();
            assertThat(r.text()).startsWith("y");
        }
    }

    @Test
    void damageInTheMiddleKeepsThePrefixSavesTheFileAndResetsTheTime() throws IOException {
        long[] ends = new long[10];
        try (NoteReplica r = open(vault)) {
            r.log().currentTo(500);
            for (int i = 0; i < 10; i++) {
                r.insert(i, Character.toString('a' + i));
                ends[i] = r.log().sizeBytes();
            }
        }
        byte[] original = Files.readAllBytes(logFile(vault));
        byte[] damaged = original.clone();
        damaged[(int) ends[3] + 12] ^= 0x01;  // inside the 5th insert
        Files.write(logFile(vault), damaged);
        try (NoteReplica r = open(vault)) {
            LogRecovery recovery = r.recovery();
            assertThat(recovery.corruptInTheMiddle()).isTrue();
            assertThat(recovery.recordsAfterDamage()).isEqualTo(5);
            assertThat(recovery.keptBytes()).isEqualTo(ends[3]);
            assertThat(recovery.droppedBytes()).isEqualTo(original.length - ends[3]);
            assertThat(Files.readAllBytes(recovery.savedCopy().orElseThrow())).isEqualTo(damaged);
            assertThat(r.text()).isEqualTo("abcd");
            assertThat(r.log().syncTime()).as("reset: the next pull starts from 0").isZero();
            assertThat(r.log().lastSeq()).as("seqs seen after the damage are never reused").isEqualTo(10);
            assertThat(r.insert(4, "!").get(0).seq()).isEqualTo(11);
        }
        try (NoteReplica r = open(vault)) {
            assertThat(r.recovery().clean()).isTrue();
            assertThat(r.text()).isEqualTo("abcd!");
            assertThat(describe(r.log().pending())).containsExactly("I1 a", "I2 b", "I3 c", "I4 d", "I11 !");
        }
    }

    @Test
    void aDamagedHeaderKeepsNothingButTheSeqs() throws IOException {
        try (NoteReplica r = open(vault)) {
            r.insert(0, "abc");
        }
        byte[] bytes = Files.readAllBytes(logFile(vault));
        bytes[8] ^= 0x01;
        Files.write(logFile(vault), bytes);
        try (NoteReplica r = open(vault)) {
            assertThat(r.recovery().corruptInTheMiddle()).isTrue();
            assertThat(r.recovery().keptBytes()).isZero();
            assertThat(r.text()).isEmpty();
            assertThat(r.log().lastSeq()).isEqualTo(3);
        }
        try (NoteReplica r = open(vault)) {
            assertThat(r.recovery().clean()).isTrue();
        }
    }

    @Test
    void anEmptyFileIsALostLogThatGoesOn() throws IOException {
        Files.createDirectories(logFile(vault).getParent());
        Files.write(logFile(vault), new byte[0]);
        try (NoteReplica r = open(vault)) {
            // every log has a header from its creation on: an empty one lost what it held (issue 12 §2)
            assertThat(r.recovery().headerLost()).isTrue();
            assertThat(r.recovery().damaged()).isTrue();
            assertThat(r.recovery().clean()).isFalse();
            assertThat(r.log().syncTime()).isZero();
            r.insert(0, "a");
        }
        try (NoteReplica r = open(vault)) {
            assertThat(r.text()).isEqualTo("a");
        }
    }

    @Test
    void theLogOfAnotherDocumentIsRefusedAndLeftAlone() throws IOException {
        try (NoteReplica r = open(vault)) {
            r.insert(0, "mine");
        }
        UUID other = UUID.randomUUID();
        VaultPaths paths = new VaultPaths(vault);
        Files.copy(logFile(vault), paths.latestOps(other));
        byte[] before = Files.readAllBytes(paths.latestOps(other));
        assertThatThrownBy(() -> NoteReplica.open(paths, other, TestReplicas.options(1, 1)))
                .isInstanceOf(IOException.class).hasMessageContaining(DOC.toString());
        assertThat(Files.readAllBytes(paths.latestOps(other))).isEqualTo(before);
    }

    @Test
    void leftoverTemporaryFilesOfACrashAreDeleted() throws IOException {
        try (NoteReplica r = open(vault)) {
            r.insert(0, "a");
        }
        Path docs = new VaultPaths(vault).docsDir();
        Path strayLog = Files.writeString(docs.resolve("." + DOC + ".md.latest_ops123.tmp"), "half");
        Path strayStructure = Files.writeString(docs.resolve("." + DOC + ".md.structure456.tmp"), "half");
        Path someoneElses = Files.writeString(docs.resolve(".other.md.structure1.tmp"), "keep");
        try (NoteReplica r = open(vault)) {
            assertThat(r.text()).isEqualTo("a");
        }
        assertThat(strayLog).doesNotExist();
        assertThat(strayStructure).doesNotExist();
        assertThat(someoneElses).exists();
    }

    @Test
    void anInterruptedEditorThreadStillAppendsAndKeepsItsInterrupt() throws IOException {
        try (NoteReplica r = open(vault)) {
            Thread.currentThread().interrupt();
            try {
                r.insert(0, "ab");
                r.delete(0, 1);
            } finally {
                assertThat(Thread.interrupted()).isTrue();
            }
            r.insert(1, "c");
        }
        try (NoteReplica r = open(vault)) {
            assertThat(r.recovery().clean()).isTrue();
            assertThat(r.text()).isEqualTo("bc");
        }
    }
}
