package org.certhub.routes.certify;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.certhub.model.Certificate;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.signer.CredentialFormat;
import org.certhub.signer.SignedCredential;
import org.springframework.stereotype.Component;

/** Signs a certificate in every format its programme is issued in ({@code certhub.programmes.<id>.formats}). */
@Component
public class CredentialIssuer {

    private final Map<String, CredentialFormat> byId;
    private final CerthubProperties properties;

    public CredentialIssuer(List<CredentialFormat> available, CerthubProperties properties) {
        this.byId = available.stream().collect(Collectors.toMap(CredentialFormat::id, Function.identity()));
        this.properties = properties;
        Stream.concat(properties.formats().stream(),
                        properties.programmes() == null ? Stream.empty()
                                : properties.programmes().values().stream().flatMap(p -> p.formats().stream()))
                .filter(id -> !byId.containsKey(id))
                .findFirst()
                .ifPresent(id -> {
                    throw new IllegalStateException("the configuration names format " + id + ", which no signer provides; known: " + byId.keySet());
                });
    }

    public List<SignedCredential> sign(Certificate certificate) {
        return properties.formatsOf(certificate.event().programmeId()).stream()
                .map(byId::get)
                .map(format -> format.sign(certificate))
                .toList();
    }
}
