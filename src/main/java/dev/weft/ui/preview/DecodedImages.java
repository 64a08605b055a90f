package dev.weft.ui.preview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The pictures of the note being previewed, decoded with ImageIO (PNG, JPEG, GIF's first frame, BMP)
 * on the render thread, larger ones read at a fraction of their size so that no side passes
 * {@link #MAX_SIDE}. A render keeps the pictures whose file has the same size and time as the last
 * render's, and drops those no longer shown. Render thread only.
 */
final class DecodedImages {
    static final int MAX_SIDE = 2400;

    private record Entry(long size, long modified, BufferedImage image) {
    }

    private Map<Path, Entry> kept = new HashMap<>();
    private Map<Path, Entry> used = new HashMap<>();

    /** The picture in {@code file}, or null if ImageIO cannot read it. */
    BufferedImage get(Path file) {
        long size;
        long modified;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            size = attributes.size();
            modified = attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return null;
        }
        Entry entry = used.containsKey(file) ? used.get(file) : kept.get(file);
        if (entry == null || entry.size() != size || entry.modified() != modified) {
            entry = new Entry(size, modified, decode(file));
        }
        used.put(file, entry);
        return entry.image();
    }

    /** Ends a render: what it did not ask for is let go. */
    void finish() {
        kept = used;
        used = new HashMap<>();
    }

    static BufferedImage decode(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int side = Math.max(reader.getWidth(0), reader.getHeight(0));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (side + MAX_SIDE - 1) / MAX_SIDE;
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null; // a damaged or unknown file shows its message instead
        }
    }
}
