package dev.weft.protocol;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes the composite fields messages share: sites, names, texts, atoms, pid lists. */
final class WireFields {
    /** Smallest atom: {@code data_len}, one data byte, {@code pid_depth}, one pair. */
    static final int MIN_ATOM_BYTES = 1 + 1 + 1 + ByteReader.PAIR_BYTES;
    /** Smallest pid: {@code pid_depth} and one pair. */
    static final int MIN_PID_BYTES = 1 + ByteReader.PAIR_BYTES;

    private WireFields() {
    }

    static int readSite(ByteReader r) throws ProtocolException {
        int site = r.u8("site");
        if (site == 0) {
            throw r.errorAt(r.offset() - 1, "site 0");
        }
        return site;
    }

    /**
     * A {@code [u8] name\n} of 1..{@code maxBytes} bytes of UTF-8 without control characters. The
     * path rules of {@link NoteNames} are the receiver's to check: a bad name is a per-document
     * error (docs/protocol.md §4: answered with {@code 36}), not a broken message.
     */
    static String readName(ByteReader r, int maxBytes) throws ProtocolException {
        return readText(r, 1, maxBytes, "name");
    }

    /** A {@code [u8] text\n} of {@code minBytes..maxBytes} bytes without control characters. */
    static String readText(ByteReader r, int minBytes, int maxBytes, String field) throws ProtocolException {
        int at = r.offset();
        String text = r.line(maxBytes, field);
        Optional<String> problem = TextRules.plainText(text, minBytes, maxBytes);
        if (problem.isPresent()) {
            throw r.errorAt(at, field + ": " + problem.get());
        }
        return text;
    }

    /** A pid of depth 1..255; {@code keys} is scratch space of {@link Pid#MAX_DEPTH} keys. */
    static Pid readPid(ByteReader r, long[] keys) throws ProtocolException {
        int depth = r.pid(keys);
        return Pid.ofRange(keys, 0, depth);
    }

    static Atom readAtom(ByteReader r, long[] keys) throws ProtocolException {
        int codePoint = r.scalar(r.u8("data_len"));
        return new Atom(readPid(r, keys), codePoint);
    }

    static void writeAtom(ByteWriter w, Atom atom) {
        w.scalar(atom.codePoint()).pid(atom.pid());
    }

    /** {@code u64 number_of_insert_atoms} and the atoms. */
    static List<Atom> readAtoms(ByteReader r, long[] keys) throws ProtocolException {
        int n = r.count(MIN_ATOM_BYTES, "number_of_insert_atoms");
        List<Atom> atoms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            atoms.add(readAtom(r, keys));
        }
        return atoms;
    }

    static void writeAtoms(ByteWriter w, List<Atom> atoms) {
        w.u64(atoms.size());
        for (Atom atom : atoms) {
            writeAtom(w, atom);
        }
    }

    /** {@code u64 number_of_delete_atoms} and the pids. */
    static List<Pid> readPids(ByteReader r, long[] keys) throws ProtocolException {
        int n = r.count(MIN_PID_BYTES, "number_of_delete_atoms");
        List<Pid> pids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pids.add(readPid(r, keys));
        }
        return pids;
    }

    static void writePids(ByteWriter w, List<Pid> pids) {
        w.u64(pids.size());
        for (Pid pid : pids) {
            w.pid(pid);
        }
    }
}
