package dev.weft.app;

/**
 * Where a command leaves the work that must run when the program is asked to stop (Ctrl-C,
 * SIGTERM): the JVM's shutdown in the program ({@link JvmShutdown}), a list in tests.
 */
interface ShutdownHooks {
    /** Runs {@code stop} once the program is asked to stop. */
    void onStop(Runnable stop);
}
