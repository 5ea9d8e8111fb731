package org.certhub.routes.certify;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.certhub.model.Certificate;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.wiring.ProgrammeProperties;
import org.certhub.signer.CredentialFormat;
import org.certhub.signer.SignedCredential;
import org.springframework.stereotype.Component;

/** Signs a certificate in every format its programme is issued in ({@code certhub.programmes.<id>.formats}). */
@Component
public class CredentialIssuer {

    private final Map<String, CredentialFormat> byId;
    private final List<String> defaultFormats;
    private final ProgrammeProperties programmes;

    public CredentialIssuer(List<CredentialFormat> available, CerthubProperties properties, ProgrammeProperties programmes) {
        this.byId = available.stream().collect(Collectors.toMap(CredentialFormat::id, Function.identity()));
        this.defaultFormats = properties.formats();
        this.programmes = programmes;
        Stream.concat(defaultFormats.stream(), programmes.programmes().values().stream().flatMap(p -> p.formats().stream()))
                .filter(id -> !byId.containsKey(id))
                .findFirst()
                .ifPresent(id -> {
                    throw new IllegalStateException("the configuration names format " + id + ", which no signer provides; known: " + byId.keySet());
                });
    }

    public List<SignedCredential> sign(Certificate certificate) {
        return programmes.formats(certificate.event().programmeId(), defaultFormats).stream()
                .map(byId::get)
                .map(format -> format.sign(certificate))
                .toList();
    }
}
