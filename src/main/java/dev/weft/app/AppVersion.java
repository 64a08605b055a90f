package dev.weft.app;

/** The version of this build, from the jar manifest's {@code Implementation-Version}. */
final class AppVersion {
    /** Shown when not running from a built jar (from an IDE or the test class path). */
    static final String UNKNOWN = "dev";

    private AppVersion() {
    }

    static String current() {
        return orUnknown(Main.class.getPackage().getImplementationVersion());
    }

    static String orUnknown(String manifestVersion) {
        return manifestVersion == null || manifestVersion.isBlank() ? UNKNOWN : manifestVersion;
    }
}
