package dev.weft.app;

import java.nio.file.Path;

/** How {@code weft --server} secures its port. */
sealed interface Tls {
    /** The default: a self-signed certificate the server makes on first start and keeps. */
    record SelfSigned() implements Tls {
    }

    /** A PEM certificate chain and private key given with {@code --tls-cert} and {@code --tls-key}. */
    record PemFiles(Path certificate, Path key) implements Tls {
    }

    /**
     * {@code --no-tls}: plain {@code ws://}, for a loopback bind (behind a TLS-terminating proxy);
     * on another address only as {@code --insecure-no-tls}.
     */
    record Off() implements Tls {
    }
}
