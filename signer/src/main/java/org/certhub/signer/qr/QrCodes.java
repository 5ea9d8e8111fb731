package org.certhub.signer.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/** QR code images of credential texts, and reading them back (ZXing). */
public final class QrCodes {

    private static final int QUIET_ZONE_MODULES = 4;

    private QrCodes() {}

    /**
     * The error correction each format's specification asks for: EU DCC Q, SMART Health Cards L (their
     * numeric payloads are long), DIVOC-style credentials M.
     */
    public static ErrorCorrectionLevel errorCorrectionFor(String formatId) {
        return switch (formatId) {
            case "eu-dcc" -> ErrorCorrectionLevel.Q;
            case "shc" -> ErrorCorrectionLevel.L;
            default -> ErrorCorrectionLevel.M;
        };
    }

    /**
     * A PNG of the text at roughly {@code sizePx} square, with the standard quiet zone: a 1-bit greyscale
     * image written straight from the modules, pixel for pixel what ZXing's {@code MatrixToImageWriter} draws.
     */
    public static byte[] png(String text, ErrorCorrectionLevel level, int sizePx) {
        return bitmap(text, level, sizePx).png();
    }

    /**
     * The text's QR code as a bitmap of at least {@code sizePx} square, with the standard quiet zone, for
     * writers that embed it without an intermediate image (a PDF image XObject, a PNG).
     */
    public static QrBitmap bitmap(String text, ErrorCorrectionLevel level, int sizePx) {
        if (sizePx < 1) {
            throw new IllegalArgumentException("QR size must be positive: " + sizePx);
        }
        Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        try {
            return QrBitmap.of(Encoder.encode(text, level, hints).getMatrix(), QUIET_ZONE_MODULES, sizePx);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code: " + text.length() + " characters", e);
        }
    }

    /** The text of the QR code in a PNG/JPEG image, if one is found. */
    public static Optional<String> read(byte[] imageBytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(imageBytes));
            return image == null ? Optional.empty() : read(image);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads a photo or scan by locating the finder patterns; when that fails, reads the image as a pure code
     * (a generated PNG holding only the code and its quiet zone), where some dense codes are only found so.
     */
    public static Optional<String> read(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return decode(bitmap, false).or(() -> decode(bitmap, true));
    }

    private static Optional<String> decode(BinaryBitmap bitmap, boolean pureBarcode) {
        Map<DecodeHintType, Object> hints = Map.of(
                DecodeHintType.TRY_HARDER,
                Boolean.TRUE,
                DecodeHintType.PURE_BARCODE,
                pureBarcode,
                DecodeHintType.CHARACTER_SET,
                StandardCharsets.UTF_8.name());
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return Optional.empty();
        }
    }
}
