import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws Weft's mark (three weft threads woven over and under three warp threads on an indigo
 * tile; the same geometry as {@code weft.svg}) and writes {@code weft.png} (256 px, Linux),
 * {@code weft.ico} (Windows) and {@code weft.icns} (macOS), PNG-compressed, into a folder:
 * {@code java app/WeftIcon.java app}. Not part of weft.jar.
 */
public final class WeftIcon {
    private static final Color TOP = new Color(0x5C7CFA);
    private static final Color BOTTOM = new Color(0x364FC7);
    private static final Color WARP = new Color(0xBAC8FF);
    private static final Color WEFT = Color.WHITE;
    private static final double[] LINES = {88, 128, 168};
    private static final double FROM = 60, TO = 196, THREAD = 24, GAP = 6;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "app");
        ImageIO.write(draw(256), "png", dir.resolve("weft.png").toFile());
        Files.write(dir.resolve("weft.ico"), ico(16, 24, 32, 48, 64, 128, 256));
        Files.write(dir.resolve("weft.icns"), icns());
    }

    /** The mark at {@code size} pixels, drawn from its 256-unit geometry. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        Paint tile = new GradientPaint(0, 16, TOP, 0, 240, BOTTOM);
        g.setPaint(tile);
        g.fill(new RoundRectangle2D.Double(16, 16, 224, 224, 96, 96));
        for (double x : LINES) {
            thread(g, WARP, THREAD, BasicStroke.CAP_ROUND, x, FROM, x, TO);
        }
        for (double y : LINES) { // each weft thread over every warp, with a gap either side
            thread(g, tile, THREAD + 2 * GAP, BasicStroke.CAP_ROUND, FROM, y, TO, y);
            thread(g, WEFT, THREAD, BasicStroke.CAP_ROUND, FROM, y, TO, y);
        }
        for (int i = 0; i < LINES.length; i++) { // then every other crossing: the warp over the weft
            for (int j = 0; j < LINES.length; j++) {
                if ((i + j) % 2 == 1) {
                    double x = LINES[i], y = LINES[j], half = THREAD / 2 + GAP;
                    thread(g, tile, THREAD + 2 * GAP, BasicStroke.CAP_BUTT, x, y - half, x, y + half);
                    thread(g, WARP, THREAD, BasicStroke.CAP_BUTT, x, y - half, x, y + half);
                }
            }
        }
        g.dispose();
        return image;
    }

    private static void thread(Graphics2D g, Paint paint, double width, int cap, double x1, double y1, double x2, double y2) {
        g.setPaint(paint);
        g.setStroke(new BasicStroke((float) width, cap, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    private static byte[] png(int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", bytes);
        return bytes.toByteArray();
    }

    /** A Windows icon of PNG images (Vista and later read PNG entries). */
    private static byte[] ico(int... sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png(sizes[i]);
        }
        ByteBuffer head = ByteBuffer.allocate(6 + 16 * sizes.length).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = head.capacity();
        for (int i = 0; i < sizes.length; i++) {
            int side = sizes[i] >= 256 ? 0 : sizes[i];
            head.put((byte) side).put((byte) side).put((byte) 0).put((byte) 0);
            head.putShort((short) 1).putShort((short) 32).putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.array());
        for (byte[] image : images) {
            out.write(image);
        }
        return out.toByteArray();
    }

    /** A macOS icon family of PNG entries: 16, 32, 64, 128, 256, 512 and 1024 px. */
    private static byte[] icns() throws IOException {
        String[] types = {"icp4", "icp5", "icp6", "ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {16, 32, 64, 128, 256, 512, 1024};
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(entries);
        for (int i = 0; i < types.length; i++) {
            byte[] image = png(sizes[i]);
            data.writeBytes(types[i]);
            data.writeInt(8 + image.length);
            data.write(image);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream file = new DataOutputStream(out);
        file.writeBytes("icns");
        file.writeInt(8 + entries.size());
        entries.writeTo((OutputStream) file);
        return out.toByteArray();
    }
}
