package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.AtomSource;
import dev.weft.crdt.AtomVisitor;
import dev.weft.crdt.Pid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureFileTest {
    private static final UUID DOC = new UUID(0x0123456789abcdefL, 0xfedcba9876543210L);

    /** Hand-written in the seed's layout: header, alive 'a', a tombstone beneath it, alive '😀'. */
    private static final byte[] SEED_GOLDEN = Hex.bytes(
            "0123456789abcdef fedcba9876543210",    // u128 document_id
            "0000000000000063",                     // u64 last_modified = 99
            "01 61",                                // data_len 1, 'a'
            "01 07 00000001",                       //   pid (7, 1)
            "00",                                   // data_len 0: tombstone, no data
            "02 07 00000001 03 00000000",           //   pid (7, 1) (3, 0)
            "04 f09f9880",                          // data_len 4, '😀'
            "01 07 00000002");                      //   pid (7, 2)
    private static final List<Seen> SEED_ATOMS = List.of(
            new Seen('a', Pid.key(7, 1)),
            new Seen(AtomVisitor.TOMBSTONE, Pid.key(7, 1), Pid.key(3, 0)),
            new Seen(0x1F600, Pid.key(7, 2)));

    /** Hand-written version 2 (docs/protocol.md §6, (ext)): three runs. */
    static final byte[] GOLDEN = Hex.bytes(
            "0123456789abcdef fedcba9876543210",    // u128 document_id
            "0000000000000063",                     // u64 last_modified = 99
            "fe 02",                                // marker, version 2
            "00 01",                                // run: shares 0 pairs, 1 more
            "0a 07",                                //   (7, 10)
            "0e 04",                                //   count 3, kind 2 (mixed); stride 4
            "04",                                   //   bitmap: atom 2 is a tombstone
            "68 69",                                //   "hi"
            "01 01",                                // run: shares 1 pair of (7, 18), 1 more
            "05 03",                                //   (3, 5): the level is new, so no delta
            "05",                                   //   count 1, kind 1 (tombstones)
            "00 01",                                // run: shares 0 pairs, 1 more
            "02 07",                                //   (7, 18 + 2)
            "04",                                   //   count 1, kind 0 (alive)
            "f09f9880",                             //   '😀'
            "b0959da3");                            // u32 CRC-32C of every byte before
    static final List<Seen> GOLDEN_ATOMS = List.of(
            new Seen('h', Pid.key(7, 10)),
            new Seen('i', Pid.key(7, 14)),
            new Seen(AtomVisitor.TOMBSTONE, Pid.key(7, 18)),
            new Seen(AtomVisitor.TOMBSTONE, Pid.key(7, 18), Pid.key(3, 5)),
            new Seen(0x1F600, Pid.key(7, 20)));

    @TempDir
    Path dir;

    @Test
    void handWrittenFileReadsAndWritesByteForByte() throws IOException {
        List<Seen> seen = new ArrayList<>();
        StructureFile.Header header = StructureFile.read(GOLDEN, collector(seen));
        assertThat(header).isEqualTo(new StructureFile.Header(DOC, 99));
        assertThat(seen).isEqualTo(GOLDEN_ATOMS);
        assertThat(write(DOC, 99, GOLDEN_ATOMS)).isEqualTo(GOLDEN);
    }

    @Test
    void theSeedsLayoutStillReads() throws IOException {
        List<Seen> seen = new ArrayList<>();
        StructureFile.Header header = StructureFile.read(SEED_GOLDEN, collector(seen));
        assertThat(header).isEqualTo(new StructureFile.Header(DOC, 99));
        assertThat(seen).isEqualTo(SEED_ATOMS);
        assertThat(StructureFile.read(write(DOC, 99, SEED_ATOMS), collector(seen = new ArrayList<>())))
                .isEqualTo(header);
        assertThat(seen).isEqualTo(SEED_ATOMS);
    }

    @Test
    void aDamagedRunFileIsCorruptionAndHandsNothingOver() throws IOException {
        for (int at = StructureFile.HEADER_BYTES; at < GOLDEN.length; at++) {
            byte[] flipped = GOLDEN.clone();
            flipped[at] ^= 0x10;
            List<Seen> seen = new ArrayList<>();
            assertThatThrownBy(() -> StructureFile.read(flipped, collector(seen)))
                    .as("flip at %d", at).isInstanceOf(CorruptStructureException.class);
            if (at > StructureFile.HEADER_BYTES + 1) {
                assertThat(seen).as("flip at %d", at).isEmpty();
            }
        }
    }

    @Test
    void runsThatBreakTheRulesAreCorruptionEvenWithAGoodChecksum() {
        String header = "0123456789abcdef fedcba9876543210 0000000000000001 fe 02";
        List<String> bad = List.of(
                "01 01 05 07 04 61",                     // the first run shares a pair with nothing
                "00 00 04 61",                           // depth 0
                "00 01 05 00 04 61",                     // site 0
                "00 01 8080808010 07 04 61",             // ident 2^32
                "00 01 05 07 80808001 00 61",            // count 2^20 (above 65,536)
                "00 01 05 07 03 61",                     // kind 3
                "00 01 feffffff0f 07 08 02 61 62",       // the stride passes ident 2^32 - 1
                "00 01 05 07 04 61 00 01 00 07 04 62",   // the second run is not after the first
                "00 01 05 07 04 80",                     // bad UTF-8
                "00 01 05 07 04 eda080",                 // a surrogate
                "00 01 05 07 08 01 61");                 // cut off: 2 atoms, 1 code point
        for (String run : bad) {
            byte[] body = Hex.bytes(header, run);
            byte[] file = Arrays.copyOf(body, body.length + 4);
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(body);
            java.nio.ByteBuffer.wrap(file, body.length, 4).putInt((int) crc.getValue());
            assertThatThrownBy(() -> StructureFile.read(file, (k, o, d, c) -> { }))
                    .as(run).isInstanceOf(CorruptStructureException.class);
        }
    }

    @Test
    void aLongPasteIsOneRunOfAboutOneBytePerCharacter() throws IOException {
        List<Seen> atoms = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            atoms.add(new Seen('a' + i % 26, Pid.key(9, 1000 + 3L * i)));
        }
        byte[] file = write(DOC, 1, atoms);
        assertThat(file.length).isLessThan(10_000 + 50);
        List<Seen> seen = new ArrayList<>();
        StructureFile.read(file, collector(seen));
        assertThat(seen).isEqualTo(atoms);
    }

    @Test
    void manyAtomsWithTombstonesAndDeepPidsRoundTrip() throws IOException {
        List<Seen> atoms = manyAtoms(20_000);
        byte[] file = write(DOC, -1, atoms);
        List<Seen> seen = new ArrayList<>();
        StructureFile.Header header = StructureFile.read(new ByteArrayInputStream(file), collector(seen));
        assertThat(header.lastModified()).isEqualTo(-1);
        assertThat(seen).isEqualTo(atoms);
    }

    @Test
    void anEmptyDocumentIsTheHeaderAlone() throws IOException {
        byte[] file = write(DOC, 0, List.of());
        assertThat(file).isEqualTo(Hex.bytes("0123456789abcdef fedcba9876543210", "0000000000000000", "fe 02",
                "ce8c6099"));
        assertThat(StructureFile.read(Arrays.copyOf(file, StructureFile.HEADER_BYTES), (k, o, d, c) -> { }))
                .isEqualTo(new StructureFile.Header(DOC, 0)); // the seed's empty file
        List<Seen> seen = new ArrayList<>();
        assertThat(StructureFile.read(file, collector(seen))).isEqualTo(new StructureFile.Header(DOC, 0));
        assertThat(seen).isEmpty();
    }

    @Test
    void atomsOutOfPidOrderAreCorruption() {
        byte[] equal = Hex.bytes("0123456789abcdef fedcba9876543210 0000000000000001",
                "01 61 01 07 00000001",
                "01 62 01 07 00000001");
        byte[] prefixAfterLonger = Hex.bytes("0123456789abcdef fedcba9876543210 0000000000000001",
                "01 61 02 07 00000001 03 00000000",
                "00 01 07 00000001");
        byte[] siteBeforeIdent = Hex.bytes("0123456789abcdef fedcba9876543210 0000000000000001",
                "01 61 01 01 00000002",
                "01 62 01 ff 00000001");
        for (byte[] file : List.of(equal, prefixAfterLonger, siteBeforeIdent)) {
            assertThatThrownBy(() -> StructureFile.read(file, (k, o, d, c) -> { }))
                    .isInstanceOfSatisfying(CorruptStructureException.class, e -> {
                        assertThat(e.offset()).isEqualTo(StructureFile.HEADER_BYTES + 8 + (file == prefixAfterLonger ? 5 : 0));
                        assertThat(e.getMessage()).contains("pid order");
                    });
        }
    }

    @Test
    void aFileCutInsideAnAtomOrTheHeaderIsCorruption() throws IOException {
        int[] atomEnds = {24, 32, 44};
        for (int cut = 0; cut < SEED_GOLDEN.length; cut++) {
            byte[] prefix = Arrays.copyOf(SEED_GOLDEN, cut);
            if (Arrays.binarySearch(atomEnds, cut) >= 0) {
                assertThat(StructureFile.read(prefix, (k, o, d, c) -> { }).documentId()).isEqualTo(DOC);
            } else {
                assertThatThrownBy(() -> StructureFile.read(prefix, (k, o, d, c) -> { }))
                        .as("cut at %d", cut).isInstanceOf(CorruptStructureException.class);
            }
        }
        for (int cut = StructureFile.HEADER_BYTES + 1; cut < GOLDEN.length; cut++) {
            byte[] prefix = Arrays.copyOf(GOLDEN, cut);
            assertThatThrownBy(() -> StructureFile.read(prefix, (k, o, d, c) -> { }))
                    .as("version 2 cut at %d", cut).isInstanceOf(CorruptStructureException.class);
        }
    }

    @Test
    void malformedAtomsAreCorruptionAtTheirOffset() {
        String header = "0123456789abcdef fedcba9876543210 0000000000000001";
        for (String atom : List.of("05 6161616161 01 07 00000001", "01 80 01 07 00000001", "02 c181 01 07 00000001",
                "01 61 00", "01 61 01 00 00000001", "00 02 07 00000001")) {
            byte[] file = Hex.bytes(header, atom);
            assertThatThrownBy(() -> StructureFile.read(file, (k, o, d, c) -> { }))
                    .as(atom)
                    .isInstanceOfSatisfying(CorruptStructureException.class, e -> assertThat(e.offset()).isEqualTo(24));
        }
    }

    @Test
    void theWriterRefusesAtomsItCouldNotReadBack() {
        List<List<Seen>> bad = List.of(
                List.of(new Seen('b', Pid.key(7, 2)), new Seen('a', Pid.key(7, 1))),
                List.of(new Seen(0xD800, Pid.key(7, 1))),
                List.of(new Seen('a', Pid.key(0, 1))),
                List.of(new Seen('a')));
        for (List<Seen> atoms : bad) {
            assertThatThrownBy(() -> write(DOC, 1, atoms)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void atomicWriteReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve(DOC + ".md.structure");
        StructureFile.writeAtomically(file, DOC, 1, source(List.of()));
        StructureFile.writeAtomically(file, DOC, 99, source(GOLDEN_ATOMS));
        assertThat(Files.readAllBytes(file)).isEqualTo(GOLDEN);
        List<Seen> seen = new ArrayList<>();
        assertThat(StructureFile.read(file, collector(seen)).lastModified()).isEqualTo(99);
        assertThat(seen).isEqualTo(GOLDEN_ATOMS);
        assertThat(filesIn(dir)).containsExactly(file.getFileName().toString());
    }

    @Test
    void aFailedAtomicWriteKeepsTheOldFile() throws IOException {
        Path file = dir.resolve(DOC + ".md.structure");
        StructureFile.writeAtomically(file, DOC, 99, source(GOLDEN_ATOMS));
        List<Seen> outOfOrder = List.of(new Seen('b', Pid.key(7, 2)), new Seen('a', Pid.key(7, 1)));
        assertThatThrownBy(() -> StructureFile.writeAtomically(file, DOC, 100, source(outOfOrder)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(GOLDEN);
        assertThat(filesIn(dir)).containsExactly(file.getFileName().toString());
    }

    @Test
    void reads180kAtomsBackInOrder() throws IOException {
        // its speed is StructureLoadBench.read's (docs/benchmarks.md)
        List<Seen> atoms = manyAtoms(180_000);
        List<Seen> seen = new ArrayList<>();
        StructureFile.read(write(DOC, 1, atoms), collector(seen));
        assertThat(seen).isEqualTo(atoms);
    }

    static List<Seen> manyAtoms(int count) {
        List<Seen> atoms = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long top = Pid.key(1 + i % 3, i / 3);
            int cp = i % 5 == 0 ? AtomVisitor.TOMBSTONE : i % 7 == 0 ? 0x1F600 + i % 50 : 'a' + i % 26;
            atoms.add(i % 4 == 0 ? new Seen(cp, top) : new Seen(cp, top, Pid.key(255, 0xFFFF_FFFFL - i)));
        }
        atoms.sort((x, y) -> Pid.compare(x.keys, 0, x.keys.length, y.keys, 0, y.keys.length));
        return atoms;
    }

    static byte[] write(UUID id, long lastModified, List<Seen> atoms) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StructureFile.write(out, id, lastModified, source(atoms));
        return out.toByteArray();
    }

    /** Hands each atom over from the middle of a larger array, as a real document would. */
    static AtomSource source(List<Seen> atoms) {
        return visitor -> {
            long[] scratch = new long[Pid.MAX_DEPTH + 2];
            for (Seen atom : atoms) {
                System.arraycopy(atom.keys, 0, scratch, 2, atom.keys.length);
                visitor.visit(scratch, 2, atom.keys.length, atom.codePoint);
            }
        };
    }

    static AtomVisitor collector(List<Seen> seen) {
        return (keys, offset, depth, codePoint) ->
                seen.add(new Seen(codePoint, Arrays.copyOfRange(keys, offset, offset + depth)));
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** One visited atom: its code point (or tombstone) and pid keys. */
    record Seen(int codePoint, long... keys) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Seen s && s.codePoint == codePoint && Arrays.equals(s.keys, keys);
        }

        @Override
        public int hashCode() {
            return 31 * codePoint + Arrays.hashCode(keys);
        }

        @Override
        public String toString() {
            return codePoint + "@" + Arrays.toString(keys);
        }
    }
}
