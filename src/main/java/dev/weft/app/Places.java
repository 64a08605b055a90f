package dev.weft.app;

import dev.weft.vault.ConfigDir;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Default folders: the vault ({@code ~/Weft}), the server's data and the desktop app's settings, per
 * OS convention ({@code $XDG_DATA_HOME/weft-server}, else {@code ~/.local/share/weft-server};
 * {@code ~/Library/Application Support/Weft Server}; {@code %APPDATA%\Weft Server}; settings in
 * {@code $XDG_CONFIG_HOME/weft}, else {@code ~/.config/weft}; {@code ~/Library/Application Support/Weft};
 * {@code %APPDATA%\Weft}: the {@link ConfigDir}, which also holds the devices' tokens).
 *
 * @param vault the default vault folder
 * @param serverData the default server data folder
 * @param config the desktop app's settings folder
 */
record Places(Path vault, Path serverData, Path config) {
    private static final String XDG_SERVER_DATA = "weft-server";
    private static final String SERVER_DATA = "Weft Server";

    /** The defaults for this user on this machine; {@value ConfigDir#PROPERTY} moves the settings folder. */
    static Places current() {
        Places places = of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
        return new Places(places.vault(), places.serverData(), ConfigDir.current());
    }

    /** The defaults for a user whose home is {@code home} on OS {@code osName} with {@code env}. */
    static Places of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path data;
        if (os.startsWith("windows")) {
            data = ConfigDir.absolute(env.get("APPDATA")).orElse(home.resolve("AppData").resolve("Roaming"))
                    .resolve(SERVER_DATA);
        } else if (os.startsWith("mac")) {
            data = home.resolve("Library").resolve("Application Support").resolve(SERVER_DATA);
        } else {
            data = ConfigDir.absolute(env.get("XDG_DATA_HOME")).orElse(home.resolve(".local").resolve("share"))
                    .resolve(XDG_SERVER_DATA);
        }
        return new Places(home.resolve("Weft"), data, ConfigDir.of(osName, env, home));
    }
}
