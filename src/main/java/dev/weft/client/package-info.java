/**
 * The device side of the sync protocol (docs/protocol.md §4, §5, §7): pairing from a {@code weft://}
 * link ({@link dev.weft.client.Pairing}), the global sync procedure and the editing sessions of a
 * vault, run by {@link dev.weft.client.SyncClient} over the JDK's WebSocket client with the server's
 * certificate pinned, reconnecting with capped exponential backoff.
 *
 * <p>The protocol logic ({@code GlobalProcedure}, {@code SessionProtocol}) takes decoded messages
 * and sends through a small {@code Outbox}: it never touches a socket. {@code WireConnection} only
 * moves frames.
 *
 * <p>May import the JDK, {@code dev.weft.vault}, {@code dev.weft.protocol} and {@code dev.weft.crdt};
 * never the server, the store or the UI.
 */
package dev.weft.client;
