package org.certhub.render;

import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.Map;
import org.certhub.signer.qr.QrBitmap;
import org.w3c.dom.Element;

/**
 * Draws {@code <object type="application/x-certhub-qr"></object>} as the credential's QR code in vector modules: one
 * filled path of the dark runs of each row, quiet zone included, centred in the element's box. Sharp at any zoom
 * and print resolution, and no image to encode per certificate.
 */
final class VectorQr implements FSObjectDrawer {

    /** The {@code type} of the {@code <object>} element the templates place the QR code with. */
    static final String TYPE = "application/x-certhub-qr";

    private static final FSRGBColor DARK = new FSRGBColor(0, 0, 0);
    /** A fiftieth of a module: invisible, and more than an anti-aliasing pixel at any scanning resolution. */
    private static final double OVERLAP = 0.02;

    /** One pixel per module, the quiet zone around. */
    private final QrBitmap modules;

    VectorQr(QrBitmap modules) {
        this.modules = modules;
    }

    /** A drawer factory that knows this QR code's element. */
    DefaultObjectDrawerFactory factory() {
        DefaultObjectDrawerFactory factory = new DefaultObjectDrawerFactory();
        factory.registerDrawer(TYPE, this);
        return factory;
    }

    @Override
    public Map<Shape, String> drawObject(
            Element element,
            double x,
            double y,
            double width,
            double height,
            OutputDevice device,
            RenderingContext context,
            int dotsPerPixel) {
        int count = modules.size();
        double side = Math.min(width, height);
        double module = side / count;
        double left = x + (width - side) / 2;
        double top = y + (height - side) / 2;
        Path2D.Double dark = new Path2D.Double();
        for (int row = 0; row < count; row++) {
            int column = 0;
            while (column < count) {
                if (!modules.isBlack(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < count && modules.isBlack(column, row)) {
                    column++;
                }
                // each run reaches a little into its right and lower neighbours, so that anti-aliased edges of
                // abutting runs leave no light seams between them
                double x0 = left + start * module;
                double x1 = left + column * module + module * OVERLAP;
                double y0 = top + row * module;
                double y1 = y0 + module + module * OVERLAP;
                dark.moveTo(x0, y0);
                dark.lineTo(x1, y0);
                dark.lineTo(x1, y1);
                dark.lineTo(x0, y1);
                dark.closePath();
            }
        }
        device.setColor(DARK);
        device.fill(dark);
        return null;
    }
}
