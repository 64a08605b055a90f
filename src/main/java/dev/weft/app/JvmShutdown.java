package dev.weft.app;

import java.io.PrintStream;

/**
 * Runs the stop work in a JVM shutdown hook, then ends the process with status 0, or 1 if the
 * work failed, instead of the 130 or 143 that the JVM gives a process stopped by SIGINT or SIGTERM:
 * a server that shut down cleanly exits with 0.
 */
final class JvmShutdown implements ShutdownHooks {
    private final PrintStream out;
    private final PrintStream err;

    JvmShutdown(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void onStop(Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            int status = Launcher.OK;
            try {
                stop.run();
            } catch (RuntimeException e) {
                err.println("weft: did not stop cleanly: " + e);
                status = Launcher.FAILED;
            }
            out.flush();
            err.flush();
            Runtime.getRuntime().halt(status);
        }, "weft-shutdown"));
    }
}
