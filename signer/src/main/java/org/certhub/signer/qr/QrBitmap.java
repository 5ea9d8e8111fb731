package org.certhub.signer.qr;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A QR code as a black-and-white bitmap, one bit per pixel, laid out as ZXing's {@code QRCodeWriter} lays it
 * out: each module a square of {@link #pixelsPerModule()} pixels, centred in a square of at least the requested
 * size that includes the quiet zone. Rows are packed most significant bit first, a 0 bit black and a 1 bit
 * white, so the PNG is written straight from them without drawing an image.
 *
 * <p>Immutable.
 */
public final class QrBitmap {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Index 0 black, index 1 white. */
    private static final byte[] PALETTE = {0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    private final int size;
    private final int pixelsPerModule;
    private final int padding;
    /** One packed row per module row; rows of the quiet zone and padding are all white. */
    private final byte[][] moduleRows;

    private final byte[] whiteRow;

    private QrBitmap(int size, int pixelsPerModule, int padding, byte[][] moduleRows, byte[] whiteRow) {
        this.size = size;
        this.pixelsPerModule = pixelsPerModule;
        this.padding = padding;
        this.moduleRows = moduleRows;
        this.whiteRow = whiteRow;
    }

    /**
     * The modules scaled by the largest whole factor that fits {@code sizePx} with {@code quietZoneModules} of
     * white on each side (never below one pixel per module), centred as ZXing centres them.
     */
    static QrBitmap of(ByteMatrix modules, int quietZoneModules, int sizePx) {
        int count = modules.getWidth();
        int withQuietZone = count + 2 * quietZoneModules;
        int size = Math.max(sizePx, withQuietZone);
        int scale = size / withQuietZone;
        int padding = (size - count * scale) / 2;
        int rowBytes = (size + 7) / 8;
        byte[] white = new byte[rowBytes];
        Arrays.fill(white, (byte) 0xff);
        byte[][] rows = new byte[count][];
        byte[][] cells = modules.getArray();
        for (int y = 0; y < count; y++) {
            byte[] row = white.clone();
            for (int x = 0; x < count; x++) {
                if (cells[y][x] == 1) {
                    int from = padding + x * scale;
                    for (int px = from; px < from + scale; px++) {
                        row[px >>> 3] &= (byte) ~(0x80 >>> (px & 7));
                    }
                }
            }
            rows[y] = row;
        }
        return new QrBitmap(size, scale, padding, rows, white);
    }

    /** Width and height in pixels. */
    public int size() {
        return size;
    }

    public int pixelsPerModule() {
        return pixelsPerModule;
    }

    /** Whether the pixel at column {@code x}, row {@code y} is black. */
    public boolean isBlack(int x, int y) {
        return (row(y)[x >>> 3] & (0x80 >>> (x & 7))) == 0;
    }

    /**
     * A PNG of the bitmap: a two-colour palette (black, white), bit depth 1, not interlaced. A palette rather than
     * greyscale because PDFBox embeds such a PNG in a PDF as it is (its IDAT data becomes the image stream),
     * where a greyscale one would be decoded and compressed again.
     */
    public byte[] png() {
        byte[] data = deflatedRows();
        ByteBuffer header = ByteBuffer.allocate(13)
                .putInt(size)
                .putInt(size)
                .put((byte) 1) // bit depth
                .put((byte) 3) // colour type: palette
                .put((byte) 0) // compression: deflate
                .put((byte) 0) // filter method: adaptive (each row says "none")
                .put((byte) 0); // no interlace
        ByteArrayOutputStream png = new ByteArrayOutputStream(data.length + 64);
        png.writeBytes(PNG_SIGNATURE);
        chunk(png, "IHDR", header.array());
        chunk(png, "PLTE", PALETTE);
        chunk(png, "IDAT", data);
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private byte[] row(int y) {
        int moduleRow = Math.floorDiv(y - padding, pixelsPerModule);
        return y < padding || moduleRow >= moduleRows.length ? whiteRow : moduleRows[moduleRow];
    }

    /** The PNG image data: each row its filter type (0, none) and its packed pixels, compressed with zlib. */
    private byte[] deflatedRows() {
        int stride = whiteRow.length + 1;
        byte[] raw = new byte[stride * size];
        for (int y = 0; y < size; y++) {
            System.arraycopy(row(y), 0, raw, y * stride + 1, whiteRow.length);
        }
        // runs of identical rows compress well at any level: best speed costs a tenth of the default level
        // for a code 15 % larger (2.4 KB for 400 pixels)
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
