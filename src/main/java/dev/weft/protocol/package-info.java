/**
 * The Weft wire format, version 1 (docs/protocol.md §1, §4, §5) and the {@code .md.structure} file
 * layout (§6): one immutable record per message, {@link dev.weft.protocol.MessageCodec} with one
 * read/write pair per message, {@link dev.weft.protocol.Limits}, the name rules of
 * {@link dev.weft.protocol.NoteNames}, {@link dev.weft.protocol.StructureFile}, and the pairing
 * link of §7, {@link dev.weft.protocol.PairingLink}, which server and client both read.
 *
 * <p>This package owns bytes only: it turns byte arrays and buffers into validated messages and
 * back. It never opens a socket and decides nothing about what a message means for a connection.
 * Decoding throws only {@link dev.weft.protocol.ProtocolException}.
 *
 * <p>It may import the JDK and {@code dev.weft.crdt}; it must not import any other Weft package,
 * Undertow, MapDB, Swing or a network API.
 */
package dev.weft.protocol;
