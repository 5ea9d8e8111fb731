package org.certhub.signer.shc;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The QR image of a SMART Health Card as the specification draws it: error correction L and two segments, the
 * {@code shc:/} prefix in byte mode and the digits in numeric mode (ZXing's minimal "compact" encoding), which
 * keeps a card of up to 1195 JWS characters within QR version 22. A single-mode encoding of the same text
 * would need byte mode throughout and a far denser code.
 */
public final class ShcQrCode {

    private static final int QUIET_ZONE_MODULES = 4;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ShcFormat.QR_ERROR_CORRECTION,
            EncodeHintType.QR_COMPACT, Boolean.TRUE,
            EncodeHintType.MARGIN, QUIET_ZONE_MODULES);

    private ShcQrCode() {}

    /** A PNG of the {@code shc:/} text at roughly {@code sizePx} square. */
    public static byte[] png(String shcText, int sizePx) {
        requireShc(shcText);
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(shcText, BarcodeFormat.QR_CODE, sizePx, sizePx, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException(
                    "SHC text does not fit in a QR code: " + shcText.length() + " characters", e);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** The QR version (1 to 40) the text is drawn at. */
    public static int version(String shcText) {
        requireShc(shcText);
        try {
            return Encoder.encode(shcText, ShcFormat.QR_ERROR_CORRECTION, HINTS)
                    .getVersion()
                    .getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException(
                    "SHC text does not fit in a QR code: " + shcText.length() + " characters", e);
        }
    }

    private static void requireShc(String text) {
        if (!ShcNumeric.hasPrefix(text)) {
            throw new IllegalArgumentException("not SMART Health Card QR text");
        }
    }
}
