package org.certhub.routes.signing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.certhub.model.Certificate;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.config.ProgrammeProperties;
import org.certhub.signer.CredentialFormat;
import org.certhub.signer.SignedCredential;
import org.springframework.stereotype.Component;

/**
 * Signs a certificate in every format its programme is issued in ({@code certhub.programmes.<id>.formats}) that can
 * carry its record; the others are skipped with their reason ({@link FormatPlan}).
 */
@Component
public class CredentialIssuer {

    private final Map<String, CredentialFormat> byId;
    private final List<String> defaultFormats;
    private final ProgrammeProperties programmes;

    public CredentialIssuer(
            List<CredentialFormat> available, CerthubProperties properties, ProgrammeProperties programmes) {
        this.byId = available.stream().collect(Collectors.toMap(CredentialFormat::id, Function.identity()));
        this.defaultFormats = properties.formats();
        this.programmes = programmes;
        Stream.concat(
                        defaultFormats.stream(),
                        programmes.programmes().values().stream().flatMap(p -> p.formats().stream()))
                .filter(id -> !byId.containsKey(id))
                .findFirst()
                .ifPresent(id -> {
                    throw new IllegalStateException("the configuration names format " + id
                            + ", which no signer provides; known: " + byId.keySet());
                });
        programmes
                .programmes()
                .forEach((id, programme) -> programme.requiredFormats().stream()
                        .filter(required ->
                                !programmes.formats(id, defaultFormats).contains(required))
                        .findFirst()
                        .ifPresent(required -> {
                            throw new IllegalStateException("programme " + id + " requires format " + required
                                    + ", which it does not issue; its formats: "
                                    + programmes.formats(id, defaultFormats));
                        }));
    }

    /** The formats the certificate's programme issues, split into those its record allows and those skipped. */
    public FormatPlan plan(Certificate certificate) {
        String programme = certificate.event().programmeId();
        return FormatPlan.of(
                programmes.formats(programme, defaultFormats),
                programmes.requiredFormats(programme),
                format -> byId.get(format).unsupported(certificate));
    }

    /** Signs the certificate in each format of the plan that is to be signed. */
    public List<SignedCredential> sign(Certificate certificate, FormatPlan plan) {
        return plan.toSign().stream()
                .map(byId::get)
                .map(format -> format.sign(certificate))
                .toList();
    }
}
