package dev.weft.archfixture.ui;

import dev.weft.archfixture.store.Store;

/** Breaks the ui rules: the store. */
public final class ReachesStore {
    public Store store;
}
