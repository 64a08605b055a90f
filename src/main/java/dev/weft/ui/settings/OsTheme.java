package dev.weft.ui.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether the operating system is set to dark: GNOME's {@code color-scheme} on Linux, macOS's
 * {@code AppleInterfaceStyle}, Windows' {@code AppsUseLightTheme}. Asks a command with a timeout;
 * anything else (no such command, no answer in time) means light.
 */
public final class OsTheme {
    private static final long TIMEOUT_MILLIS = 1_500;

    private OsTheme() {
    }

    /** Runs a command (a second at most); call it off the event thread. */
    public static boolean prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return ask(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).strip().equalsIgnoreCase("dark");
        }
        if (os.startsWith("windows")) {
            String answer = ask(List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme"));
            return windowsDark(answer);
        }
        return gnomeDark(ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")));
    }

    static boolean gnomeDark(String answer) {
        return answer.contains("prefer-dark");
    }

    static boolean windowsDark(String answer) {
        return answer.lines().anyMatch(line -> line.contains("AppsUseLightTheme") && line.strip().endsWith("0x0"));
    }

    private static String ask(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "";
        }
        try (InputStream in = process.getInputStream()) {
            if (!process.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return process.exitValue() == 0 ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return "";
        }
    }
}
