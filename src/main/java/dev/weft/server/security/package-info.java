/**
 * Transport security and pairing for {@code weft --server} (docs/protocol.md §7), with no networking
 * of its own: the server's TLS identity ({@link dev.weft.server.security.CertificateStore} makes a
 * self-signed certificate on first start and keeps it in the data dir, or loads the operator's PEM
 * files; {@link dev.weft.server.security.ServerTls} turns it into an {@code SSLContext} limited to
 * TLS 1.3 and 1.2), the certificate {@link dev.weft.server.security.Fingerprint} that pairing
 * links pin, the random {@link dev.weft.server.security.Secrets} (pairing codes, device tokens and
 * their hashes), single-use expiring {@link dev.weft.server.security.PairingCodes}, and the body of
 * {@code POST /v1/pair} in and out ({@link dev.weft.server.security.PairRequest},
 * {@link dev.weft.server.security.PairAnswer}).
 *
 * <p>It is the only package that may import BouncyCastle, and uses it as a library for X.509
 * building and PEM parsing only: BouncyCastle is never registered as a JCA provider, so keys,
 * signatures, key stores and TLS all come from the JDK's own providers and the shaded jar, which
 * drops BouncyCastle's jar signatures, needs no signed provider. It may import the JDK and
 * {@code dev.weft.protocol}; it must not import the client, vault or ui packages or Undertow. It
 * opens no connection and listens on no port: the Undertow handlers of {@code dev.weft.server} use
 * these classes and own the network.
 */
package dev.weft.server.security;
