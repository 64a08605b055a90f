package dev.weft.archfixture.app;

/** Stands for the app package. */
public final class App {
}
