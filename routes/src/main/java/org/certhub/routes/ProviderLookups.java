package org.certhub.routes;

import jakarta.mail.util.StreamProvider;
import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;

/**
 * Resolves, once at start, the service providers that libraries otherwise look up on every use, and names them in
 * the system properties those lookups read first.
 *
 * <p>Jakarta Mail finds its {@link StreamProvider} anew for every body part (jakartaee/mail-api#699, #861), and
 * PDFBox's XMP writer and openhtmltopdf create a JAXP factory per PDF; each lookup without a system property scans
 * every jar's {@code META-INF/services}, which in the executable jar's nested jars cost a seventh of an emailed
 * certificate's CPU (JFR samples). Each property is set to the class the full lookup picks, so nothing changes but the cost; a
 * property the operator already set is left alone.
 */
public final class ProviderLookups {

    private ProviderLookups() {}

    public static void pin() {
        pin(StreamProvider.class.getName(), StreamProvider::provider);
        pin(TransformerFactory.class.getName(), TransformerFactory::newInstance);
        pin(DocumentBuilderFactory.class.getName(), DocumentBuilderFactory::newInstance);
        pin(SAXParserFactory.class.getName(), SAXParserFactory::newInstance);
    }

    private static void pin(String property, Supplier<Object> lookup) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, lookup.get().getClass().getName());
        }
    }
}
