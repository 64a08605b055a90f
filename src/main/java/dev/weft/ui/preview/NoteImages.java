package dev.weft.ui.preview;

import dev.weft.ui.attach.ImagePaths;
import dev.weft.client.files.VaultFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The images of one note for one render: links resolved in the vault folder ({@link ImagePaths}),
 * pictures decoded by {@link DecodedImages}. Never reads a URL. Render thread only.
 */
final class NoteImages implements ImageSource {
    private final Path vault;
    private final String folder;
    private final DecodedImages decoded;
    private final Map<String, BufferedImage> pictures = new HashMap<>();
    private List<String> files;

    NoteImages(Path vault, String noteName, DecodedImages decoded) {
        this.vault = vault;
        this.folder = ImagePaths.folderOf(noteName);
        this.decoded = decoded;
    }

    @Override
    public Optional<Shown> find(String target, boolean embed) {
        if (!embed && ImagePaths.isUrl(target)) {
            return Optional.of(new Missing("image not loaded from the network: " + shorten(target)));
        }
        Optional<String> path = embed ? ImagePaths.embed(folder, target, files())
                : ImagePaths.link(folder, target, p -> Files.isRegularFile(vault.resolve(p)));
        if (path.isEmpty()) {
            return Optional.of(new Missing("image not found: " + shorten(target)));
        }
        String name = path.get().toLowerCase(Locale.ROOT);
        if (name.endsWith(".webp") || name.endsWith(".svg")) {
            return Optional.of(new Missing("image not shown (the preview reads PNG, JPEG, GIF and BMP): " + path.get()));
        }
        Path file = vault.resolve(path.get());
        BufferedImage image = decoded.get(file);
        if (image == null) {
            return Optional.of(new Missing("image could not be read: " + path.get()));
        }
        String src = file.toUri().toString();
        pictures.put(src, image);
        return Optional.of(new Picture(src));
    }

    /** The pictures this render showed, by their {@code src}. */
    Map<String, BufferedImage> pictures() {
        return Map.copyOf(pictures);
    }

    private List<String> files() {
        if (files == null) {
            try {
                files = VaultFiles.list(vault);
            } catch (IOException e) {
                files = List.of();
            }
        }
        return files;
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 119) + "…" : text;
    }
}
