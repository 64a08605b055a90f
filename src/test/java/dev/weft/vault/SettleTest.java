package dev.weft.vault;

import static dev.weft.vault.TestReplicas.DOC;
import static dev.weft.vault.TestReplicas.logFile;
import static dev.weft.vault.TestReplicas.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.OpSink;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import dev.weft.protocol.StructureFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NoteReplica#settle}: what is acknowledged or pulled leaves the log for the structure file, pending ops stay. */
class SettleTest {
    private static final String TEXT = "Runs on the device: a note costs about its own size. ".repeat(400);

    @TempDir
    Path vault;

    @Test
    void acknowledgedOpsMoveIntoTheStructureFile() throws IOException {
        try (NoteReplica r = open(vault)) {
            r.insert(0, TEXT);
            r.settle();
            assertThat(Files.exists(structure())).as("pending: the log keeps them").isFalse();
            r.log().acknowledge(r.log().takeToSend(false).get(TEXT.length() - 1).seq());
            r.settle();
            assertThat(Files.size(logFile(vault))).isLessThan(200);
            assertThat(StructureFile.isCurrentLayout(Files.readAllBytes(structure()))).isTrue();
        }
        try (NoteReplica r = open(vault)) {
            assertThat(r.text()).isEqualTo(TEXT);
            assertThat(r.log().pendingCount()).isZero();
        }
    }

    @Test
    void pulledOpsMoveIntoTheStructureFileOnceCurrent() throws IOException {
        SequenceDoc other = new SequenceDoc(2, new SplittableRandom(2));
        List<Atom> inserts = new ArrayList<>();
        other.insert(0, TEXT, new OpSink() {
            @Override
            public void inserted(Pid pid, int codePoint) {
                inserts.add(new Atom(pid, codePoint));
            }

            @Override
            public void deleted(Pid pid) {
            }
        });
        try (NoteReplica r = open(vault)) {
            r.applyRemote(inserts, List.of());
            r.settle();
            assertThat(Files.exists(structure())).as("uncovered until current").isFalse();
            r.log().currentTo(7);
            r.settle();
            assertThat(Files.size(logFile(vault))).isLessThan(200);
        }
        try (NoteReplica r = open(vault)) {
            assertThat(r.text()).isEqualTo(TEXT);
            assertThat(r.log().syncTime()).isEqualTo(7);
            assertThat(r.log().uncovered()).isEmpty();
        }
    }

    private Path structure() {
        return new VaultPaths(vault).structure(DOC);
    }
}
