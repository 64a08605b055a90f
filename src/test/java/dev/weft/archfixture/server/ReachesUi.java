package dev.weft.archfixture.server;

import dev.weft.archfixture.ui.ReachesStore;

/** Breaks the server rules: the ui. */
public final class ReachesUi {
    public ReachesStore window;
}
