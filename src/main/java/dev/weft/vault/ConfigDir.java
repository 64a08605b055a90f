package dev.weft.vault;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * This user's Weft settings folder on this machine, outside every vault: {@code $XDG_CONFIG_HOME/weft}
 * (else {@code ~/.config/weft}) on Linux and BSD, {@code ~/Library/Application Support/Weft} on
 * macOS, {@code %APPDATA%\Weft} on Windows. The desktop app's settings and the devices' tokens
 * ({@link DeviceTokens}) live there. The system property {@value #PROPERTY} overrides it: tests
 * point it at their own folder so they never touch the real home.
 */
public final class ConfigDir {
    /** System property that sets the folder. */
    public static final String PROPERTY = "weft.config-dir";

    private static final String XDG = "weft";
    private static final String NAMED = "Weft";

    private ConfigDir() {
    }

    /** The folder for this user on this machine, or the one {@value #PROPERTY} names. */
    public static Path current() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null && !forced.isBlank()) {
            return Path.of(forced.strip()).toAbsolutePath();
        }
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The folder of a user whose home is {@code home} on OS {@code osName} with {@code env}. */
    public static Path of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return absolute(env.get("APPDATA")).orElse(home.resolve("AppData").resolve("Roaming")).resolve(NAMED);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(NAMED);
        }
        return absolute(env.get("XDG_CONFIG_HOME")).orElse(home.resolve(".config")).resolve(XDG);
    }

    /** The variable's value as a path, unless unset, empty or relative (which XDG says to ignore). */
    public static Optional<Path> absolute(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(value);
            return path.isAbsolute() ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
