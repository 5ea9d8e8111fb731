package org.certhub.signer.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/** QR code images of credential texts, and reading them back (ZXing). */
public final class QrCodes {

    private static final int QUIET_ZONE_MODULES = 4;

    private QrCodes() {
    }

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

    /** A PNG of the text at roughly {@code sizePx} square, with the standard quiet zone. */
    public static byte[] png(String text, ErrorCorrectionLevel level, int sizePx) {
        BitMatrix matrix = matrix(text, level, sizePx);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    public static BufferedImage image(String text, ErrorCorrectionLevel level, int sizePx) {
        return MatrixToImageWriter.toBufferedImage(matrix(text, level, sizePx));
    }

    private static BitMatrix matrix(String text, ErrorCorrectionLevel level, int sizePx) {
        Map<EncodeHintType, Object> hints = Map.of(
                EncodeHintType.ERROR_CORRECTION, level,
                EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePx, sizePx, hints);
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
                DecodeHintType.TRY_HARDER, Boolean.TRUE,
                DecodeHintType.PURE_BARCODE, pureBarcode,
                DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return Optional.empty();
        }
    }
}
