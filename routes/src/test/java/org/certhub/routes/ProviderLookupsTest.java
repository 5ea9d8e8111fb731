package org.certhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderLookupsTest {

    private static final String[] PROPERTIES = {
        StreamProvider.class.getName(),
        TransformerFactory.class.getName(),
        DocumentBuilderFactory.class.getName(),
        SAXParserFactory.class.getName()
    };

    private Properties saved;

    @BeforeEach
    void clearPins() {
        saved = (Properties) System.getProperties().clone();
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
    }

    @AfterEach
    void restore() {
        System.setProperties(saved);
    }

    @Test
    void pinsTheProvidersTheLookupsWouldHaveFound() {
        String mail = StreamProvider.provider().getClass().getName();
        String transformer = TransformerFactory.newInstance().getClass().getName();
        String documentBuilder = DocumentBuilderFactory.newInstance().getClass().getName();
        String saxParser = SAXParserFactory.newInstance().getClass().getName();

        ProviderLookups.pin();

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(mail);
        assertThat(System.getProperty(TransformerFactory.class.getName())).isEqualTo(transformer);
        assertThat(System.getProperty(DocumentBuilderFactory.class.getName())).isEqualTo(documentBuilder);
        assertThat(System.getProperty(SAXParserFactory.class.getName())).isEqualTo(saxParser);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(mail);
        assertThat(TransformerFactory.newInstance().getClass().getName()).isEqualTo(transformer);
    }

    @Test
    void leavesAnOperatorsChoiceAlone() {
        String builtIn = "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl";
        System.setProperty(TransformerFactory.class.getName(), builtIn);

        ProviderLookups.pin();

        assertThat(System.getProperty(TransformerFactory.class.getName())).isEqualTo(builtIn);
    }
}
