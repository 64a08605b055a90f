package dev.weft.app.trace;

import dev.weft.crdt.SequenceDoc;
import dev.weft.protocol.CorruptStructureException;
import dev.weft.protocol.StructureFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A replica as a {@code .md.structure} file ({@link StructureFile}), the way a device keeps a note
 * between runs: written under one fixed document id, read back into a replica of site
 * {@link Replicas#OBSERVER}.
 */
public final class ReplicaFiles {
    /** The document id that replayed traces are stored under. */
    static final UUID DOCUMENT = new UUID(0x7EA5_0000_0000_0000L, 1);

    private ReplicaFiles() {
    }

    /** The structure file of {@code doc} as bytes. */
    public static byte[] toBytes(SequenceDoc doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(doc.atomCount() * 16);
        try {
            StructureFile.write(out, DOCUMENT, 0, doc);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array output stream failed", e);
        }
        return out.toByteArray();
    }

    /** Replaces {@code file} with the structure file of {@code doc}, atomically and durably. */
    public static void write(Path file, SequenceDoc doc) throws IOException {
        StructureFile.writeAtomically(file, DOCUMENT, 0, doc);
    }

    /** Reads {@code file} and builds the replica it holds. */
    public static SequenceDoc load(Path file) throws IOException {
        return load(Files.readAllBytes(file));
    }

    /** Builds the replica a structure file's bytes hold. */
    public static SequenceDoc load(byte[] structure) throws CorruptStructureException {
        SequenceDoc.Builder builder = SequenceDoc.builder();
        StructureFile.read(structure, builder);
        return builder.build(Replicas.OBSERVER, Replicas.random(Replicas.OBSERVER));
    }
}
