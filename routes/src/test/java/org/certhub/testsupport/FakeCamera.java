package org.certhub.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A video file for Chromium's fake camera ({@code --use-fake-device-for-media-stream
 * --use-file-for-fake-video-capture=<file>}): an image centred on a white 640×480 frame, as a few frames of
 * uncompressed YUV 4:2:0 in the Y4M container that Chromium plays in a loop.
 */
public final class FakeCamera {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int FRAMES = 5;

    private FakeCamera() {}

    public static Path y4m(BufferedImage picture, Path file) throws IOException {
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = frame.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, WIDTH, HEIGHT);
        int side = HEIGHT - 20;
        graphics.drawImage(picture, (WIDTH - side) / 2, 10, side, side, null);
        graphics.dispose();

        byte[] luma = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = frame.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                luma[y * WIDTH + x] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
            }
        }
        byte[] chroma = new byte[(WIDTH / 2) * (HEIGHT / 2)];
        Arrays.fill(chroma, (byte) 128); // grey: no colour
        ByteArrayOutputStream video = new ByteArrayOutputStream();
        video.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < FRAMES; i++) {
            video.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            video.write(luma);
            video.write(chroma);
            video.write(chroma);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            video.writeTo(out);
        }
        return file;
    }
}
