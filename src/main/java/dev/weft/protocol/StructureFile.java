package dev.weft.protocol;

import dev.weft.crdt.Atom;
import dev.weft.crdt.AtomSource;
import dev.weft.crdt.AtomVisitor;
import dev.weft.crdt.Pid;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The {@code .md.structure} file (docs/protocol.md §6): {@code u128 document_id},
 * {@code u64 last_modified}, then the atoms in strictly increasing pid order. Written as
 * version 2: the atoms as runs with a checksum ({@link StructureRuns}). Read in both layouts: the
 * seed's has every atom up to the end of the file, alive atoms as on the wire
 * ({@code u8 data_len} 1..4, UTF-8, pid), a tombstone {@code data_len = 0} followed by its pid.
 *
 * <p>Reading decodes straight from the bytes into one reused key buffer and hands each atom to
 * an {@link AtomVisitor}: no object per atom.
 */
public final class StructureFile {
    /** Bytes before the first atom. */
    public static final int HEADER_BYTES = 16 + 8;

    private StructureFile() {
    }

    /**
     * What the file says about its document.
     *
     * @param documentId the document
     * @param lastModified the document's sync time the atoms are current to (u64, unsigned)
     */
    public record Header(UUID documentId, long lastModified) {
        public Header {
            Fields.present(documentId, "documentId");
        }
    }

    /**
     * Writes the whole file to {@code out} (not closed). Atoms must come in strictly increasing pid
     * order with valid pids and code points, else {@link IllegalArgumentException}.
     */
    public static void write(OutputStream out, UUID documentId, long lastModified, AtomSource atoms)
            throws IOException {
        byte[] header = new ByteWriter(HEADER_BYTES).uuid(Fields.present(documentId, "documentId"))
                .u64(lastModified).toByteArray();
        StructureRuns.Writer runs = new StructureRuns.Writer(out, header);
        try {
            atoms.forEachAtom(new CheckedOrder(runs));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        runs.finish();
    }

    /**
     * Replaces {@code file} with a new structure file so that a crash leaves the old file or the
     * new one, never a mix: writes a temporary file in the same folder, forces it to disk, renames
     * it over {@code file} atomically, then forces the folder where the file system allows it.
     */
    public static void writeAtomically(Path file, UUID documentId, long lastModified, AtomSource atoms)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                write(Channels.newOutputStream(channel), documentId, lastModified, atoms);
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceDirectory(dir);
    }

    /** Whether {@code file} is in the current layout (version 2, runs), not the seed's. */
    public static boolean isCurrentLayout(byte[] file) {
        return StructureRuns.isVersioned(file);
    }

    /** Reads a whole file, handing every atom to {@code sink} in pid order. */
    public static Header read(Path file, AtomVisitor sink) throws IOException {
        return read(Files.readAllBytes(file), sink);
    }

    /** Reads {@code in} to its end (not closed), handing every atom to {@code sink} in pid order. */
    public static Header read(InputStream in, AtomVisitor sink) throws IOException {
        return read(in.readAllBytes(), sink);
    }

    /**
     * Decodes a whole file in either layout, handing every atom to {@code sink} in pid order;
     * tombstones get {@link AtomVisitor#TOMBSTONE}. In the seed's layout, atoms before a corrupt one
     * have been handed over already; a version 2 file with a wrong checksum hands over none.
     *
     * @throws CorruptStructureException if the header is short, the checksum is wrong, an atom or
     *     run is malformed or cut off, or a pid is not greater than the one before it
     */
    public static Header read(byte[] file, AtomVisitor sink) throws CorruptStructureException {
        if (file.length < HEADER_BYTES) {
            throw new CorruptStructureException(0, "header needs " + HEADER_BYTES + " bytes, file has " + file.length);
        }
        if (StructureRuns.isVersioned(file)) {
            ByteReader r = new ByteReader(file, 0, HEADER_BYTES);
            try {
                Header header = new Header(r.uuid("document_id"), r.u64("last_modified"));
                StructureRuns.read(file, sink);
                return header;
            } catch (ProtocolException e) {
                throw new CorruptStructureException(0, e.reason());
            }
        }
        return readSeedLayout(file, sink);
    }

    /** The seed's layout: one atom after another up to the end of the file. */
    private static Header readSeedLayout(byte[] file, AtomVisitor sink) throws CorruptStructureException {
        ByteReader r = new ByteReader(file, 0, file.length);
        long[] previous = new long[Pid.MAX_DEPTH];
        long[] current = new long[Pid.MAX_DEPTH];
        int previousDepth = 0;
        int atomStart = 0;
        try {
            Header header = new Header(r.uuid("document_id"), r.u64("last_modified"));
            while (r.hasRemaining()) {
                atomStart = r.offset();
                int dataLen = r.u8("data_len");
                int codePoint = dataLen == 0 ? AtomVisitor.TOMBSTONE : r.scalar(dataLen);
                int depth = r.pid(current);
                if (previousDepth > 0 && Pid.compare(previous, 0, previousDepth, current, 0, depth) >= 0) {
                    throw new CorruptStructureException(atomStart, "atom not after the one before it in pid order");
                }
                sink.visit(current, 0, depth, codePoint);
                long[] swap = previous;
                previous = current;
                current = swap;
                previousDepth = depth;
            }
            return header;
        } catch (ProtocolException e) {
            throw new CorruptStructureException(atomStart, e.reason());
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; there the rename is as durable as it gets.
        }
    }

    /** Hands atoms on after checking their values and order. */
    private static final class CheckedOrder implements AtomVisitor {
        private final AtomVisitor next;
        private final long[] previous = new long[Pid.MAX_DEPTH];
        private int previousDepth;

        CheckedOrder(AtomVisitor next) {
            this.next = next;
        }

        @Override
        public void visit(long[] keys, int offset, int depth, int codePoint) {
            check(keys, offset, depth, codePoint);
            System.arraycopy(keys, offset, previous, 0, depth);
            previousDepth = depth;
            next.visit(keys, offset, depth, codePoint);
        }

        private void check(long[] keys, int offset, int depth, int codePoint) {
            if (codePoint != TOMBSTONE && !Atom.isScalarValue(codePoint)) {
                throw new IllegalArgumentException("not a Unicode scalar value: " + codePoint);
            }
            if (depth < 1 || depth > Pid.MAX_DEPTH) {
                throw new IllegalArgumentException("pid depth " + depth + " outside 1.." + Pid.MAX_DEPTH);
            }
            for (int i = offset; i < offset + depth; i++) {
                long key = keys[i];
                if (key < 0 || Pid.identOf(key) > Pid.MAX_IDENT || Pid.siteOf(key) == 0) {
                    throw new IllegalArgumentException("invalid pid pair key " + key);
                }
            }
            if (previousDepth > 0 && Pid.compare(previous, 0, previousDepth, keys, offset, depth) >= 0) {
                throw new IllegalArgumentException("atoms not in strictly increasing pid order");
            }
        }
    }
}
