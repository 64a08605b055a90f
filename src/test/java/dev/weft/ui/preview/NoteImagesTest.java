package dev.weft.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A note's images resolved in a real vault folder and decoded from real files. */
class NoteImagesTest {
    @TempDir
    Path vault;

    @Test
    void picturesMessagesAndNoNetwork() throws Exception {
        Files.createDirectories(vault.resolve("Travel"));
        ImageIO.write(new BufferedImage(10, 5, BufferedImage.TYPE_INT_RGB), "png", vault.resolve("Travel/a b.png").toFile());
        Files.writeString(vault.resolve("Travel/photo.webp"), "RIFF....WEBP");
        Files.writeString(vault.resolve("Travel/broken.png"), "not a png");
        NoteImages images = new NoteImages(vault, "Travel/Trip", new DecodedImages());
        String src = vault.resolve("Travel/a b.png").toUri().toString();
        assertThat(images.find("a%20b.png", false)).contains(new ImageSource.Picture(src));
        assertThat(images.find("a b.png", true)).contains(new ImageSource.Picture(src));
        assertThat(images.pictures().get(src).getWidth()).isEqualTo(10);
        assertThat(message(images.find("nope.png", false))).isEqualTo("image not found: nope.png");
        assertThat(message(images.find("http://example.org/a.png", false)))
                .isEqualTo("image not loaded from the network: http://example.org/a.png");
        assertThat(message(images.find("photo.webp", true))).startsWith("image not shown (the preview reads PNG, JPEG, GIF and BMP)");
        assertThat(message(images.find("broken.png", false))).isEqualTo("image could not be read: Travel/broken.png");
    }

    @Test
    void aHugePictureIsReadAtAFractionOfItsSizeAndKeptWhileUnchanged() throws Exception {
        Path big = vault.resolve("big.png");
        ImageIO.write(new BufferedImage(6000, 30, BufferedImage.TYPE_INT_RGB), "png", big.toFile());
        DecodedImages decoded = new DecodedImages();
        BufferedImage first = decoded.get(big);
        assertThat(first.getWidth()).isLessThanOrEqualTo(DecodedImages.MAX_SIDE).isGreaterThan(DecodedImages.MAX_SIDE / 2);
        decoded.finish();
        assertThat(decoded.get(big)).isSameAs(first); // same size and time: not decoded again
        decoded.finish();
        decoded.finish(); // a render that did not show it lets it go
        assertThat(decoded.get(big)).isNotSameAs(first);
    }

    private static String message(Optional<ImageSource.Shown> shown) {
        return ((ImageSource.Missing) shown.orElseThrow()).message();
    }
}
