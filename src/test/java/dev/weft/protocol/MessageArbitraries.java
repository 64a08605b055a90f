package dev.weft.protocol;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.testing.LongNames;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of arbitrary valid field values and messages of every type. */
final class MessageArbitraries {
    /** Every message type code of docs/protocol.md. */
    static final int[] TYPES = {0, 1, 2, 3, 4, 32, 33, 34, 36, 64, 65, 66, 67, 68, 69, 70, 71};

    private static final List<String> NAME_CHARACTERS = List.of(
            "a", "b", "z", "A", "Q", "0", "9", " ", "-", "_", ".", "(", ")", "'", "#", "é", "Ü", "ß", "日", "記",
            "€", "😀", "🧵", "\u00A0", "\uFFFD");
    private static final List<String> TEXT_CHARACTERS = List.of(
            "a", "Z", "0", " ", ":", "/", "\\", "?", "*", ".", "é", "日", "😀", "'", "\"");

    private MessageArbitraries() {
    }

    static Arbitrary<Message> messages() {
        return Arbitraries.oneOf(List.of(
                u64().map(Synclist::new),
                Combinators.combine(uuids(), u64()).as(SyncDocPull::new),
                Combinators.combine(uuids(), names(), u64(), atoms().list().ofMaxSize(20), pids().list().ofMaxSize(20))
                        .as(SyncDocUpsert::new),
                uuids().map(SyncDocTrash::new),
                uuids().map(SyncDocRestore::new),
                entries().list().ofMaxSize(20).map(SynclistResponse::new),
                Combinators.combine(uuids(), names(), atoms().list().ofMaxSize(20), pids().list().ofMaxSize(20))
                        .as(SyncDocResponse::new),
                Combinators.combine(uuids(), u64(), Arbitraries.of(true, false)).as(SyncDocDone::new),
                Combinators.combine(uuids(), Arbitraries.integers().between(0, 0xFFFF), texts(0, 1024))
                        .as(SyncError::new),
                Combinators.combine(u64(), uuids()).as(SessionStart::new),
                atoms().map(atom -> new SessionInsert(atom.pid().site(), atom)),
                Combinators.combine(sites(), pids()).as(SessionDelete::new),
                names().map(NameChange::new),
                Combinators.combine(sites(), u64()).as(SessionReady::new),
                Combinators.combine(u64(), u64()).as(SessionAck::new),
                Combinators.combine(sites(), Arbitraries.of(true, false), texts(1, 255)).as(SessionPeer::new),
                Combinators.combine(sites(), pids().injectNull(0.2)).as(SessionCursor::new)));
    }

    static Arbitrary<Long> u64() {
        return Arbitraries.longs();
    }

    static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    static Arbitrary<Integer> sites() {
        return Arbitraries.integers().between(1, 255);
    }

    static Arbitrary<Pid> pids() {
        Arbitrary<Long> keys = Combinators.combine(sites(), Arbitraries.longs().between(0, Pid.MAX_IDENT)).as(Pid::key);
        Arbitrary<Integer> depths = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.integers().between(1, 6)),
                Tuple.of(1, Arbitraries.integers().between(200, Pid.MAX_DEPTH)));
        return depths.flatMap(depth -> keys.list().ofSize(depth))
                .map(list -> Pid.of(list.stream().mapToLong(Long::longValue).toArray()));
    }

    static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0, 0x7F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
                Tuple.of(2, Arbitraries.integers().between(0x800, 0xFFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)))
                .filter(Atom::isScalarValue);
    }

    static Arbitrary<Atom> atoms() {
        return Combinators.combine(pids(), codePoints()).as(Atom::new);
    }

    static Arbitrary<SynclistResponse.Entry> entries() {
        return Combinators.combine(u64(), uuids()).as(SynclistResponse.Entry::new);
    }

    /** Valid note names: a few segments of letters, digits, punctuation and multi-byte characters. */
    static Arbitrary<String> names() {
        Arbitrary<String> segment = Arbitraries.of(NAME_CHARACTERS).list().ofMinSize(1).ofMaxSize(12)
                .map(chars -> String.join("", chars));
        Arbitrary<String> usual = segment.list().ofMinSize(1).ofMaxSize(4).map(s -> String.join("/", s));
        Arbitrary<String> longest = Arbitraries.of(LongNames.of(NoteNames.MAX_BYTES, "a"), LongNames.of(NoteNames.MAX_BYTES, "😀"));
        return Arbitraries.frequencyOf(Tuple.of(30, usual), Tuple.of(1, longest))
                .filter(name -> NoteNames.validate(name).isEmpty());
    }

    /** Texts without control characters of {@code minBytes..maxBytes} bytes of UTF-8. */
    static Arbitrary<String> texts(int minBytes, int maxBytes) {
        return Arbitraries.of(TEXT_CHARACTERS).list().ofMaxSize(maxBytes / 4)
                .map(chars -> chars.stream().collect(Collectors.joining()))
                .filter(text -> TextRules.plainText(text, minBytes, maxBytes).isEmpty());
    }
}
