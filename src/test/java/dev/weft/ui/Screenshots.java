package dev.weft.ui;

import dev.weft.ui.settings.Settings;
import dev.weft.ui.settings.SettingsFile;
import dev.weft.vault.Vault;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

/**
 * Writes docs/screenshot.png (light) and docs/screenshot-dark.png: the main window on a small demo
 * vault with the preview showing a table, a task list and code. Run under Xvfb (docs/ui.md):
 * {@code xvfb-run -a -s "-screen 0 1400x900x24" mvn -q -B test-compile exec:java
 * -Dexec.mainClass=dev.weft.ui.Screenshots -Dexec.classpathScope=test}
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path temp = Files.createTempDirectory("weft-screenshots");
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        try (Vault vault = DemoVault.create(temp.resolve("vault"))) {
            System.setProperty("awt.useSystemAAFontSettings", "on");
            shoot(vault, temp.resolve("config"), false, docs.resolve("screenshot.png"));
            shoot(vault, temp.resolve("config"), true, docs.resolve("screenshot-dark.png"));
        }
        System.out.println("wrote " + docs.resolve("screenshot.png") + " and " + docs.resolve("screenshot-dark.png"));
        System.exit(0);
    }

    private static void shoot(Vault vault, Path config, boolean dark, Path png) throws Exception {
        MainWindow[] window = new MainWindow[1];
        onEdt(() -> {
            Looks.install(dark);
            Settings settings = Settings.defaults();
            window[0] = new MainWindow(Workspace.local(vault), new SettingsKeeper(new SettingsFile(config), settings), () -> {
            });
            window[0].frame.setSize(1280, 800);
            window[0].outer.setDividerLocation(250);
            window[0].frame.setVisible(true);
            window[0].inner.setDividerLocation(500);
            window[0].list.tree().expandRow(0);
            window[0].openNote(DemoVault.note(vault, DemoVault.SHOWN).id(), null);
        });
        waitUntil(() -> window[0].area.getText().contains("Checklist")
                && window[0].preview.pane().getText().contains("Checklist"));
        BufferedImage image = new BufferedImage(1280, 800, BufferedImage.TYPE_INT_RGB);
        onEdt(() -> {
            window[0].area.setCaretPosition(0);
            window[0].list.tree().expandRow(1);
            window[0].frame.getRootPane().paint(image.getGraphics());
        });
        onEdt(() -> window[0].frame.getRootPane().paint(image.getGraphics()));
        ImageIO.write(image, "png", new File(png.toString()));
        onEdt(() -> window[0].frame.dispose());
    }

    private static void onEdt(Runnable r) throws InterruptedException, InvocationTargetException {
        SwingUtilities.invokeAndWait(r);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean[] ok = new boolean[1];
            onEdt(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                // let pending layout and the preview's scroll restore run
                onEdt(() -> { });
                onEdt(() -> { });
                return;
            }
            done.await(50, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the window did not show the demo note within 30 s");
    }
}
