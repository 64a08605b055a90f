package dev.weft.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImagePathsTest {
    private static final Set<String> FILES = Set.of("Travel/img.png", "Travel/attachments/my pic.png",
            "img.png", "attachments/root.png", "Other/deep/cat.jpg", "Other/cat.jpg", "Travel/cat.jpg",
            "Ünï/ça va.gif");

    @Test
    void aLinkIsReadFromTheNotesFolderThenFromTheRoot() {
        assertThat(ImagePaths.link("Travel", "img.png", FILES::contains)).contains("Travel/img.png");
        assertThat(ImagePaths.link("", "img.png", FILES::contains)).contains("img.png");
        assertThat(ImagePaths.link("Travel", "attachments/root.png", FILES::contains)).contains("attachments/root.png");
        assertThat(ImagePaths.link("Travel", "/img.png", FILES::contains)).contains("img.png");
        assertThat(ImagePaths.link("Travel/Sub", "../img.png", FILES::contains)).contains("Travel/img.png");
        assertThat(ImagePaths.link("Travel", "./attachments/my%20pic.png", FILES::contains))
                .contains("Travel/attachments/my pic.png");
        assertThat(ImagePaths.link("", "%C3%9Cn%C3%AF/%C3%A7a%20va.gif", FILES::contains)).contains("Ünï/ça va.gif");
    }

    @Test
    void aLinkThatLeavesTheVaultOrIsMissingPointsNowhere() {
        assertThat(ImagePaths.link("Travel", "../../img.png", FILES::contains)).isEmpty();
        assertThat(ImagePaths.link("Travel", "nope.png", FILES::contains)).isEmpty();
        assertThat(ImagePaths.link("", "", FILES::contains)).isEmpty();
    }

    @Test
    void urlsAreUrlsAndDrivesAreNot() {
        assertThat(ImagePaths.isUrl("https://example.com/a.png")).isTrue();
        assertThat(ImagePaths.isUrl("data:image/png;base64,AAAA")).isTrue();
        assertThat(ImagePaths.isUrl("file:///etc/passwd")).isTrue();
        assertThat(ImagePaths.isUrl("C:/pics/a.png")).isFalse();
        assertThat(ImagePaths.isUrl("attachments/a.png")).isFalse();
    }

    @Test
    void anEmbedFindsItsFileByTheShortestUniqueName() {
        assertThat(ImagePaths.embed("Travel", "my pic.png", FILES)).contains("Travel/attachments/my pic.png");
        assertThat(ImagePaths.embed("Notes", "root.png", FILES)).contains("attachments/root.png");
        assertThat(ImagePaths.embed("", "img.png", FILES)).contains("img.png"); // the exact vault path first
        assertThat(ImagePaths.embed("Travel", "IMG.PNG", FILES)).contains("img.png");
        // several of that name: the one beside the note, else the shortest path
        assertThat(ImagePaths.embed("Travel", "cat.jpg", FILES)).contains("Travel/cat.jpg");
        assertThat(ImagePaths.embed("Elsewhere", "cat.jpg", FILES).orElseThrow()).isIn("Other/cat.jpg", "Travel/cat.jpg");
        assertThat(ImagePaths.embed("Elsewhere", "deep/cat.jpg", FILES)).contains("Other/deep/cat.jpg");
        assertThat(ImagePaths.embed("Elsewhere", "Other/cat.jpg", FILES)).contains("Other/cat.jpg");
        assertThat(ImagePaths.embed("", "none.png", FILES)).isEmpty();
        assertThat(ImagePaths.embed("", "at.jpg", FILES)).isEmpty(); // a name's tail is not the name
    }

    @Test
    void aNoteLinksToItsAttachmentRelativelyWithSpacesEncoded() {
        assertThat(ImagePaths.linkText("Travel", "Travel/attachments/Pasted image 1.png"))
                .isEqualTo("attachments/Pasted%20image%201.png");
        assertThat(ImagePaths.linkText("", "attachments/a(1).png")).isEqualTo("attachments/a%281%29.png");
        assertThat(ImagePaths.linkText("Travel/Sub", "attachments/ça.png")).isEqualTo("../../attachments/ça.png");
        assertThat(ImagePaths.linkText("Travel", "Travel/x.png")).isEqualTo("x.png");
        for (String file : List.of("Travel/attachments/Pasted image 1.png", "attachments/a(1).png", "attachments/ça.png",
                "a#b?.png")) {
            String link = ImagePaths.linkText("Travel/Sub", file);
            assertThat(ImagePaths.link("Travel/Sub", link, file::equals)).as(link).contains(file);
        }
    }

    @Test
    void percentDecodingKeepsWhatIsNotAnEscape() {
        assertThat(ImagePaths.percentDecode("100%.png")).isEqualTo("100%.png");
        assertThat(ImagePaths.percentDecode("a+b%2x.png")).isEqualTo("a+b%2x.png");
        assertThat(ImagePaths.percentDecode("%E2%9C%85.png")).isEqualTo("✅.png");
    }
}
