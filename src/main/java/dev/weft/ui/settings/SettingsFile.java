package dev.weft.ui.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code settings.properties} in the config folder. A value that is missing or unreadable takes its
 * default: a damaged file never stops the app. Written whole to a temporary file, then renamed over
 * the old one, so a crash leaves the old or the new file, never half of one.
 */
public final class SettingsFile {
    static final String NAME = "settings.properties";

    private final Path file;

    public SettingsFile(Path configFolder) {
        this.file = configFolder.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    /** The settings, or empty if there is no file yet: the first run. */
    public Optional<Settings> load() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(parse(p));
    }

    public void save(Settings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + NAME, ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                format(settings).store(out, "Weft desktop settings");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static Settings parse(Properties p) {
        Settings d = Settings.defaults();
        Preferences prefs = new Preferences(
                theme(p.getProperty("theme"), d.preferences().theme()),
                p.getProperty("editor.font", d.preferences().fontFamily()),
                integer(p.getProperty("editor.size"), d.preferences().fontSize()),
                path(p.getProperty("vault")),
                p.getProperty("attachments.folder"));
        WindowBox window = null;
        if (p.containsKey("window.width")) {
            window = new WindowBox(integer(p.getProperty("window.x"), 0), integer(p.getProperty("window.y"), 0),
                    integer(p.getProperty("window.width"), 1100), integer(p.getProperty("window.height"), 720),
                    Boolean.parseBoolean(p.getProperty("window.maximized")));
        }
        Layout layout = new Layout(window,
                integer(p.getProperty("split.list"), d.layout().listDivider()),
                integer(p.getProperty("split.preview"), d.layout().previewDivider()),
                Boolean.parseBoolean(p.getProperty("preview.visible", "true")),
                uuid(p.getProperty("note.last")));
        return new Settings(prefs, layout, Boolean.parseBoolean(p.getProperty("server.host")),
                Boolean.parseBoolean(p.getProperty("tree.attachments")));
    }

    static Properties format(Settings s) {
        Properties p = new Properties();
        Preferences prefs = s.preferences();
        p.setProperty("theme", prefs.theme().name().toLowerCase(Locale.ROOT));
        p.setProperty("editor.font", prefs.fontFamily());
        p.setProperty("editor.size", Integer.toString(prefs.fontSize()));
        if (prefs.vault() != null) {
            p.setProperty("vault", prefs.vault().toString());
        }
        p.setProperty("attachments.folder", prefs.attachmentFolder());
        Layout layout = s.layout();
        WindowBox w = layout.window();
        if (w != null) {
            p.setProperty("window.x", Integer.toString(w.x()));
            p.setProperty("window.y", Integer.toString(w.y()));
            p.setProperty("window.width", Integer.toString(w.width()));
            p.setProperty("window.height", Integer.toString(w.height()));
            p.setProperty("window.maximized", Boolean.toString(w.maximized()));
        }
        p.setProperty("split.list", Integer.toString(layout.listDivider()));
        p.setProperty("split.preview", Integer.toString(layout.previewDivider()));
        p.setProperty("preview.visible", Boolean.toString(layout.previewVisible()));
        if (layout.lastNote() != null) {
            p.setProperty("note.last", layout.lastNote().toString());
        }
        p.setProperty("server.host", Boolean.toString(s.hosting()));
        p.setProperty("tree.attachments", Boolean.toString(s.attachmentsShown()));
        return p;
    }

    private static Theme theme(String value, Theme fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Theme.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static int integer(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Path path(String value) {
        try {
            return value == null || value.isBlank() ? null : Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
