package org.certhub.signer.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void picksEachFormatsErrorCorrection() {
        assertThat(QrCodes.errorCorrectionFor("eu-dcc")).isEqualTo(ErrorCorrectionLevel.Q);
        assertThat(QrCodes.errorCorrectionFor("shc")).isEqualTo(ErrorCorrectionLevel.L);
        assertThat(QrCodes.errorCorrectionFor("w3c-vc")).isEqualTo(ErrorCorrectionLevel.M);
    }

    @Test
    void readsBackTheTextOfTheImageItDraws() {
        String text =
                "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA.A5:S9MKN4NN3F85QNCY0O%0VZ001HOC9JU0D0HT0HB2PL/IB*09B9LW4T*8+DCMH0LDK2%K:XFE70*LP$V25$0Q:J:4MO1P0%0L0HD+9E/HY+4J6TH48S%4K.GJ2PT3QY:GQ3TE2I+-CPHN6D7LLK*Y0ZXPN1QT10W9WF5R";
        byte[] png = QrCodes.png(text, QrCodes.errorCorrectionFor("eu-dcc"), 300);

        assertThat(QrCodes.read(png)).contains(text);
    }
}
