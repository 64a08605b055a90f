package dev.weft.vault;

import static dev.weft.vault.TestReplicas.DOC;
import static dev.weft.vault.TestReplicas.atom;
import static dev.weft.vault.TestReplicas.describe;
import static dev.weft.vault.TestReplicas.open;
import static dev.weft.vault.TestReplicas.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.Pid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A crash at each step of a compaction (simulated by an {@link Error} from the hook, which skips
 * every clean-up as a real crash would, and the replica abandoned unclosed) reopens to the same
 * text, pending set, marks, time and name, and goes on correctly: a sent insert's delete is still
 * sent, an unsent one's is still cancelled, seqs are never reused.
 */
class CompactionCrashTest {
    @TempDir
    Path vault;

    private static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private record Seen(String text, List<String> pending, long lastSeq, long sent, long acked, long syncTime,
            String name) {
        static Seen of(NoteReplica r) {
            RecordLog log = r.log();
            return new Seen(r.text(), describe(log.pending()), log.lastSeq(), log.sentThrough(),
                    log.acknowledgedThrough(), log.syncTime(), log.name().orElse(null));
        }
    }

    @ParameterizedTest
    @EnumSource(CompactionHook.Step.class)
    void aCrashAtEachStepReopensToTheSameState(CompactionHook.Step crashAt) throws IOException {
        try (NoteReplica r = open(vault)) {
            r.insert(0, "first ");
            r.log().markSent(6);
            r.log().acknowledge(6);
            r.compact();  // so there is an old structure file to replace
        }
        VaultPaths paths = new VaultPaths(vault);
        NoteReplica doomed = NoteReplica.open(paths, DOC, options(1, 7), step -> {
            if (step == crashAt) {
                throw new Crash();
            }
        });
        List<LocalOp> typed = doomed.insert(6, "sent unsent gone");  // seqs 7..22
        doomed.log().markSent(12);              // "sent u" sent
        doomed.delete(18, 4);                   // "gone": unsent, cancelled (23..26)
        doomed.delete(6, 1);                    // "s" of sent: pending (27)
        doomed.rename("notes/crash");           // 28
        doomed.log().acknowledge(8);
        doomed.applyRemote(List.of(atom(9, 1, 'R')), List.of(Pid.single(9, 2)));
        doomed.log().currentTo(4242);
        Seen before = Seen.of(doomed);
        assertThat(before.pending()).contains("I9 n", "I13 n", "D27", "R28 notes/crash").doesNotContain("I19 g");

        assertThatThrownBy(doomed::compact).isInstanceOf(Crash.class);
        Files.writeString(paths.docsDir().resolve("." + DOC + ".md.structure999.tmp"), "a half-written temp");

        try (NoteReplica r = NoteReplica.open(paths, DOC, options(1, 8))) {
            assertThat(Seen.of(r)).isEqualTo(before);
            assertThat(r.recovery().clean()).isTrue();
            r.delete(r.indexOf(pidOf(typed, 9)), 1);   // "n" of "sent", sent: its delete is pending
            r.delete(r.indexOf(pidOf(typed, 13)), 1);  // "n" of "unsent", unsent: cancelled
            assertThat(describe(r.log().pending())).contains("I9 n", "D29").doesNotContain("I13 n", "D30");
            r.compact();
        }
        try (NoteReplica r = NoteReplica.open(paths, DOC, options(1, 9))) {
            assertThat(r.log().lastSeq()).isEqualTo(30);
            assertThat(r.log().syncTime()).isEqualTo(4242);
            assertThat(r.name()).hasValue("notes/crash");
        }
        doomed.close();
    }

    private static Pid pidOf(List<LocalOp> ops, long seq) {
        return ops.stream().filter(op -> op.seq() == seq).map(op -> ((LocalOp.Insert) op).atom().pid())
                .findFirst().orElseThrow();
    }
}
