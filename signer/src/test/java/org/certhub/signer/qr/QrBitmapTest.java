package org.certhub.signer.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QrBitmapTest {

    private static final String HC1 =
            "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA".repeat(6);
    private static final String SHC =
            "shc:/" + "5676290952432060346029243740446031222959532654603460292540772804336028702864".repeat(20);
    private static final String UNICODE = "{\"name\":\"आशा कुमारी\",\"city\":\"Zürich\"}";

    @ParameterizedTest
    @CsvSource({"HC1,Q,400", "HC1,Q,600", "HC1,M,1200", "SHC,L,400", "UNICODE,M,200", "UNICODE,H,37"})
    void drawsEveryPixelAsZxingsWriterDoes(String text, ErrorCorrectionLevel level, int size) throws Exception {
        BitMatrix zxing = new QRCodeWriter()
                .encode(
                        text(text),
                        BarcodeFormat.QR_CODE,
                        size,
                        size,
                        Map.of(
                                EncodeHintType.ERROR_CORRECTION,
                                level,
                                EncodeHintType.CHARACTER_SET,
                                StandardCharsets.UTF_8.name(),
                                EncodeHintType.MARGIN,
                                4));

        QrBitmap bitmap = QrCodes.bitmap(text(text), level, size);

        assertThat(bitmap.size()).isEqualTo(zxing.getWidth()).isEqualTo(zxing.getHeight());
        int differing = 0;
        for (int y = 0; y < bitmap.size(); y++) {
            for (int x = 0; x < bitmap.size(); x++) {
                if (bitmap.isBlack(x, y) != zxing.get(x, y)) {
                    differing++;
                }
            }
        }
        assertThat(differing).isZero();
    }

    @ParameterizedTest
    @CsvSource({"HC1,Q,400", "SHC,L,600", "UNICODE,M,200"})
    void writesAOneBitPaletteDecodingToTheSamePixelsThatReadsBack(String text, ErrorCorrectionLevel level, int size)
            throws Exception {
        QrBitmap bitmap = QrCodes.bitmap(text(text), level, size);

        byte[] png = QrCodes.png(text(text), level, size);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getColorModel().getPixelSize()).isEqualTo(1);
        assertThat(image.getWidth()).isEqualTo(bitmap.size());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertThat(image.getRGB(x, y) & 0xffffff)
                        .as("pixel %d,%d", x, y)
                        .isEqualTo(bitmap.isBlack(x, y) ? 0 : 0xffffff);
            }
        }
        assertThat(QrCodes.read(png)).contains(text(text));
    }

    @Test
    void scalesModulesByTheLargestWholeFactorWithTheQuietZone() throws Exception {
        QrBitmap bitmap = QrCodes.bitmap(HC1, ErrorCorrectionLevel.Q, 400);
        int modules = Encoder.encode(
                        HC1,
                        ErrorCorrectionLevel.Q,
                        Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()))
                .getMatrix()
                .getWidth();

        assertThat(bitmap.size()).isEqualTo(400);
        assertThat(bitmap.pixelsPerModule()).isEqualTo(400 / (modules + 8));
        // the quiet zone: four modules of white around the code
        int quiet = (400 - modules * bitmap.pixelsPerModule()) / 2;
        assertThat(quiet).isGreaterThanOrEqualTo(4 * bitmap.pixelsPerModule());
        for (int i = 0; i < 400; i++) {
            assertThat(bitmap.isBlack(i, quiet - 1)).isFalse();
            assertThat(bitmap.isBlack(quiet - 1, i)).isFalse();
        }
        assertThat(bitmap.isBlack(quiet, quiet))
                .as("the finder pattern's corner")
                .isTrue();
    }

    @Test
    void rejectsTextThatDoesNotFit() {
        assertThatThrownBy(() -> QrCodes.bitmap("x".repeat(8000), ErrorCorrectionLevel.Q, 400))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(String name) {
        return switch (name) {
            case "HC1" -> HC1;
            case "SHC" -> SHC;
            default -> UNICODE;
        };
    }
}
