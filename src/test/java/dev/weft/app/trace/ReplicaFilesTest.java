package dev.weft.app.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.Atom;
import dev.weft.crdt.OpSink;
import dev.weft.crdt.SequenceDoc;
import dev.weft.protocol.CorruptStructureException;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.ProtocolException;
import dev.weft.protocol.SyncDocResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReplicaFiles} and {@link ReplicaMessages}: a replica as a structure file and as a 33. */
class ReplicaFilesTest {
    @TempDir
    Path dir;

    private static SequenceDoc edited() {
        SequenceDoc doc = Replicas.empty(1);
        doc.insert(0, "hé 🌍 world", OpSink.NONE);
        doc.delete(2, 3, OpSink.NONE);
        return doc;
    }

    @Test
    void aWrittenFileLoadsIntoTheSameReplicaTombstonesIncluded() throws IOException {
        SequenceDoc doc = edited();
        Path file = dir.resolve("n.md.structure");
        ReplicaFiles.write(file, doc);

        SequenceDoc loaded = ReplicaFiles.load(file);
        assertThat(loaded.text()).isEqualTo("héworld");
        assertThat(loaded.atomCount()).isEqualTo(doc.atomCount());
        assertThat(loaded.site()).isEqualTo(Replicas.OBSERVER);
        assertThat(ReplicaFiles.toBytes(loaded)).isEqualTo(ReplicaFiles.toBytes(doc));
        loaded.checkInvariants();
    }

    @Test
    void corruptBytesFailAsACorruptStructure() {
        byte[] bytes = ReplicaFiles.toBytes(edited());
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> ReplicaFiles.load(cut)).isInstanceOf(CorruptStructureException.class);
    }

    @Test
    void theWholeDocumentMessageHoldsTheAliveAtomsInOrderAndNoDeletes() throws ProtocolException {
        SyncDocResponse message = ReplicaMessages.wholeDocument(edited());
        assertThat(message.deletes()).isEmpty();
        assertThat(message.inserts()).extracting(Atom::codePoint)
                .containsExactlyElementsOf("héworld".codePoints().boxed().toList());
        assertThat(message.inserts()).extracting(Atom::pid).isSorted();

        MessageCodec codec = new MessageCodec();
        assertThat(codec.decodeFrame(codec.encode(message))).containsExactly(message);
    }
}
