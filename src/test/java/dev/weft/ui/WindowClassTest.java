package dev.weft.ui;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * The window's X11 class is {@code weft}, the desktop entry's StartupWMClass (issue 13 §4: it was
 * {@code dev-weft-app-Main}), read back from the X server with xprop. Needs a display (xvfb-run).
 */
class WindowClassTest {
    @Test
    void windowsAreOfClassWeft() throws Exception {
        String title = "window class " + UUID.randomUUID();
        JFrame[] frame = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            WindowClass.install();
            frame[0] = new JFrame(title);
            frame[0].setSize(200, 100);
            frame[0].setVisible(true);
        });
        try {
            // the window reaches the X server after setVisible returns
            eventually(() -> assertThat(xprop(title).trim()).isEqualTo("WM_CLASS(STRING) = \"weft\", \"weft\""));
        } finally {
            SwingUtilities.invokeAndWait(() -> frame[0].dispose());
        }
    }

    private static String xprop(String title) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xprop", "-name", title, "WM_CLASS").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
