package dev.weft.app;

/** Entry point of {@code weft.jar}; see {@code weft --help}. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command named by {@code args}. A failing command exits the JVM with its status; a
     * successful one returns, so a window or server it started keeps running.
     */
    public static void main(String[] args) {
        int status = new Launcher(System.out, System.err, Places.current(),
                new JvmShutdown(System.out, System.err)).run(args);
        if (status != Launcher.OK) {
            System.exit(status);
        }
    }
}
