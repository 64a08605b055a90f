/**
 * TLS for the client: {@link dev.weft.client.tls.PinnedTrustManager} trusts exactly the server
 * certificate whose fingerprint came in the pairing link (docs/protocol.md §7), so the client needs no
 * certificate authority and trusts no one in the middle.
 *
 * <p>It may import the JDK and {@code dev.weft.protocol}; like all of {@code dev.weft.client} it
 * must never import {@code dev.weft.server}, the store, the ui or a TLS library beyond the JDK's.
 */
package dev.weft.client.tls;
