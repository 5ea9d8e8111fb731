package org.certhub.routes.certify;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.certhub.model.Certificate;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.signer.CredentialFormat;
import org.certhub.signer.SignedCredential;
import org.springframework.stereotype.Component;

/** Signs a certificate in every format the configuration enables, primary format first. */
@Component
public class CredentialIssuer {

    private final List<CredentialFormat> enabled;

    public CredentialIssuer(List<CredentialFormat> available, CerthubProperties properties) {
        Map<String, CredentialFormat> byId = available.stream()
                .collect(Collectors.toMap(CredentialFormat::id, Function.identity()));
        this.enabled = properties.formats().stream()
                .map(id -> {
                    CredentialFormat format = byId.get(id);
                    if (format == null) {
                        throw new IllegalStateException("certhub.formats names " + id + ", which no signer provides; known: " + byId.keySet());
                    }
                    return format;
                })
                .toList();
    }

    public List<SignedCredential> sign(Certificate certificate) {
        return enabled.stream().map(format -> format.sign(certificate)).toList();
    }
}
