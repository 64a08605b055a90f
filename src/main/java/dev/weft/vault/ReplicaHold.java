package dev.weft.vault;

import java.io.IOException;

/** A hold of {@link Vault#holdReplicas}: closing it (once) closes the replicas held, if it was the last hold. */
public final class ReplicaHold implements AutoCloseable {
    private final Vault vault;
    private boolean closed;

    ReplicaHold(Vault vault) {
        this.vault = vault;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        vault.releaseHold();
    }
}
