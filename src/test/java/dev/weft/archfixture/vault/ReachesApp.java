package dev.weft.archfixture.vault;

import dev.weft.archfixture.app.App;

/** Breaks the vault rule and the app rule: the app. */
public final class ReachesApp {
    public App app;
}
