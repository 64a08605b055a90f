package dev.weft.store;

import java.util.UUID;

/**
 * A store's identity and one run of it (docs/store.md, "Identity"): {@code store} is made with the
 * store's first commit and changed only by {@link Store#renewIdentity()}; {@code run} is made at
 * every open of the file, so a copy put back in place, which must be opened, always begins a run of
 * its own.
 */
public record StoreRun(UUID store, long run) {
}
