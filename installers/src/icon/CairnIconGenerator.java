import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws Cairn's icon (four stacked stones, the top one in the accent colour) and writes the PNGs,
 * a Windows .ico and a macOS .icns. Run by hand when the design changes; the outputs are committed:
 * {@code java installers/src/icon/CairnIconGenerator.java installers/src/main/icons}
 */
public final class CairnIconGenerator {
    private static final int[] PNG_SIZES = {16, 32, 48, 64, 128, 256, 512, 1024};
    private static final int[] ICO_SIZES = {16, 32, 48, 64, 128, 256};
    /** icns element types holding PNG data, by pixel size. */
    private static final Map<Integer, String> ICNS_TYPES = new LinkedHashMap<>();

    static {
        ICNS_TYPES.put(16, "icp4");
        ICNS_TYPES.put(32, "icp5");
        ICNS_TYPES.put(64, "icp6");
        ICNS_TYPES.put(128, "ic07");
        ICNS_TYPES.put(256, "ic08");
        ICNS_TYPES.put(512, "ic09");
        ICNS_TYPES.put(1024, "ic10");
    }

    /** One stone on a 256-unit canvas: centre, width, height, top and bottom colours. */
    private record Stone(double cx, double cy, double w, double h, Color light, Color dark) {
    }

    private static final Stone[] STONES = {
        new Stone(128, 206, 212, 72, new Color(0x7D8A99), new Color(0x4E5A68)),
        new Stone(122, 150, 160, 60, new Color(0x97A4B2), new Color(0x667382)),
        new Stone(134, 102, 112, 50, new Color(0xB2BDC8), new Color(0x808D9B)),
        new Stone(124, 62, 70, 40, new Color(0x5CC8BE), new Color(0x2E948B)),
    };
    /** At 16 px four stones blur together: three stones on whole pixels (bounds in a 16-unit square). */
    private static final Stone[] SMALL_STONES = {
        new Stone(8, 12.25, 15, 5.5, new Color(0x7D8A99), new Color(0x4E5A68)),
        new Stone(8, 7.5, 11, 4, new Color(0xA3AFBC), new Color(0x738090)),
        new Stone(7.5, 3.5, 6, 4, new Color(0x5CC8BE), new Color(0x2E948B)),
    };
    private static final Color OUTLINE = new Color(0x263038);

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : PNG_SIZES) {
            byte[] png = png(draw(size));
            pngs.put(size, png);
            if (size <= 512) {
                Files.write(out.resolve("cairn-" + size + ".png"), png);
            }
        }
        Files.write(out.resolve("cairn.ico"), ico(pngs));
        Files.write(out.resolve("cairn.icns"), icns(pngs));
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        boolean small = size <= 24;
        double scale = small ? size / 16.0 : size / 256.0;
        // outlines stay at least one pixel wide so the stones separate at small sizes
        float stroke = small ? (float) scale : (float) Math.max(1.0, 7 * scale);
        for (Stone s : small ? SMALL_STONES : STONES) {
            double w = s.w() * scale;
            double h = s.h() * scale;
            double x = s.cx() * scale - w / 2;
            double y = s.cy() * scale - h / 2;
            Ellipse2D shape = small ? new Ellipse2D.Double(x, y, w, h)
                : new Ellipse2D.Double(x + stroke / 2, y + stroke / 2, w - stroke, h - stroke);
            g.setPaint(new GradientPaint(0, (float) y, s.light(), 0, (float) (y + h), s.dark()));
            g.fill(shape);
            g.setStroke(new BasicStroke(stroke));
            g.setColor(OUTLINE);
            g.draw(shape);
        }
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }

    /** A Windows icon with PNG-compressed entries (Windows Vista and later). */
    static byte[] ico(Map<Integer, byte[]> pngs) {
        int count = ICO_SIZES.length;
        int dataSize = 0;
        for (int size : ICO_SIZES) {
            dataSize += pngs.get(size).length;
        }
        ByteBuffer buf = ByteBuffer.allocate(6 + 16 * count + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) count);
        int offset = 6 + 16 * count;
        for (int size : ICO_SIZES) {
            byte[] png = pngs.get(size);
            buf.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            buf.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            buf.putInt(png.length).putInt(offset);
            offset += png.length;
        }
        for (int size : ICO_SIZES) {
            buf.put(pngs.get(size));
        }
        return buf.array();
    }

    /** A macOS icon family with PNG elements. */
    static byte[] icns(Map<Integer, byte[]> pngs) {
        int total = 8;
        for (int size : ICNS_TYPES.keySet()) {
            total += 8 + pngs.get(size).length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        buf.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(total);
        for (Map.Entry<Integer, String> e : ICNS_TYPES.entrySet()) {
            byte[] png = pngs.get(e.getKey());
            buf.put(e.getValue().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + png.length).put(png);
        }
        return buf.array();
    }
}
