package org.certhub.signer.w3c;

import com.apicatalog.jsonld.JsonLdError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.certhub.model.Address;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.Gender;
import org.certhub.model.Identifier;
import org.certhub.model.PartialDate;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.signer.CredentialFormat;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.keys.Bc;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;

/**
 * The DIVOC-compatible W3C Verifiable Credential ({@code ProofOfVaccinationCredential}), signed with an
 * Ed25519Signature2020 Linked Data proof over its RDFC-1.0 canonical form.
 *
 * <p>The QR text is the compact signed JSON (DIVOC's verifier accepts plain JSON, and generic scanners read
 * it); {@link org.certhub.signer.qr.DivocQr#zip(String)} gives DIVOC's zipped binary form of the same document. With status lists
 * configured, each credential carries a W3C Bitstring Status List {@code credentialStatus} entry, and
 * {@link #signStatusList} signs the list credentials the entries point to. To keep the QR code
 * small and the holder's data minimal, the credential carries the recipient's district, city, region, postal
 * code and country but not the street lines.
 */
public final class W3cVcFormat implements CredentialFormat {

    public static final String ID = "w3c-vc";
    public static final String MEDIA_TYPE = "application/vc+ld+json";
    private static final String ICD_11 = "icd";

    private final W3cVcSettings settings;
    private final SigningKeyProvider keys;
    private final Ed25519Signature2020 suite;
    private final Map<PrivateKey, Ed25519PrivateKeyParameters> bcKeys = new ConcurrentHashMap<>();
    private final String statusListBaseUrl;
    private final StatusListIndexes statusIndexes;
    /** Set for DIVOC's form: RsaSignature2018 credentials naming this DIVOC vaccination context. */
    private final String divocContextUrl;

    private final DivocJwsSuites divocSuites;

    /** Credentials without a {@code credentialStatus}: their revocation is known only to this hub's verifier. */
    public W3cVcFormat(W3cVcSettings settings, SigningKeyProvider keys) {
        this(settings, keys, null, null, null);
    }

    /**
     * Credentials with a Bitstring Status List {@code credentialStatus} entry: the lists are
     * {@code statusListBaseUrl + n}, and {@code statusIndexes} gives each certificate its index.
     */
    public W3cVcFormat(
            W3cVcSettings settings,
            SigningKeyProvider keys,
            String statusListBaseUrl,
            StatusListIndexes statusIndexes) {
        this(settings, keys, statusListBaseUrl, statusIndexes, null);
    }

    private W3cVcFormat(
            W3cVcSettings settings,
            SigningKeyProvider keys,
            String statusListBaseUrl,
            StatusListIndexes statusIndexes,
            String divocContextUrl) {
        this.settings = settings;
        this.keys = keys;
        RdfCanonicalizer canonicalizer = new RdfCanonicalizer(new JsonLdContexts(
                settings.contextUrl(), divocContextUrl == null ? List.of() : List.of(divocContextUrl)));
        this.suite = new Ed25519Signature2020(canonicalizer);
        this.divocSuites = new DivocJwsSuites(canonicalizer);
        this.statusListBaseUrl = statusListBaseUrl;
        this.statusIndexes = statusIndexes;
        this.divocContextUrl = divocContextUrl;
    }

    /**
     * DIVOC's form, for verifier apps that know only DIVOC's: the same credential signed with RsaSignature2018
     * (PS256 detached JWS) by the active W3C VC key, which must be an RSA key, naming DIVOC's vaccination context
     * v2 at {@code divocContextUrl} (the namespace the verifier app has bundled it under, ending in {@code /v2}) and
     * carrying no status entry, since DIVOC's context does not define one.
     */
    public static W3cVcFormat divocRsa(W3cVcSettings settings, SigningKeyProvider keys, String divocContextUrl) {
        if (!JsonLdContexts.isDivocV2(divocContextUrl)) {
            throw new IllegalStateException(
                    "RsaSignature2018 credentials name DIVOC's vaccination context v2 (a namespace "
                            + "ending in /v2, which defines dob, icd11Code and prophylaxis), not " + divocContextUrl);
        }
        if (!(keys.activeKey(KeyPurpose.W3C_VC).publicKey() instanceof RSAPublicKey)) {
            throw new IllegalStateException("RsaSignature2018 needs an RSA W3C_VC signing key; the active one is "
                    + keys.activeKey(KeyPurpose.W3C_VC).publicKey().getAlgorithm());
        }
        return new W3cVcFormat(
                settings, keys, null, null, java.util.Objects.requireNonNull(divocContextUrl, "divocContextUrl"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public SignedCredential sign(Certificate certificate) {
        SigningKey key = keys.activeKey(KeyPurpose.W3C_VC);
        JsonObject credential = credential(certificate);
        if (divocContextUrl != null) {
            JsonObject divoc = JsonP.PROVIDER
                    .createObjectBuilder(credential)
                    .add(
                            "@context",
                            JsonP.PROVIDER
                                    .createArrayBuilder()
                                    .add(JsonLdContexts.CREDENTIALS_V1)
                                    .add(divocContextUrl))
                    .build();
            String document = divocSigned(key, divoc, certificate.issuedAt());
            return new SignedCredential(ID, key.kid(), document, MEDIA_TYPE, document);
        }
        if (statusIndexes != null) {
            long index = statusIndexes.indexFor(certificate.id());
            credential = JsonP.PROVIDER
                    .createObjectBuilder(credential)
                    .add("credentialStatus", BitstringStatusList.entry(statusListBaseUrl, index))
                    .build();
        }
        String document = signed(key, credential, certificate.issuedAt());
        return new SignedCredential(ID, key.kid(), document, MEDIA_TYPE, document);
    }

    /**
     * The signed Bitstring Status List credential of list {@code list}, the bits at {@code revokedPositions} set,
     * issued at {@code now} by this hub's issuer with its active W3C VC key.
     */
    public String signStatusList(long list, Collection<Integer> revokedPositions, Instant now) {
        if (statusListBaseUrl == null) {
            throw new IllegalStateException("this format publishes no status lists");
        }
        String url = BitstringStatusList.listUrl(statusListBaseUrl, list);
        JsonObject credential = JsonP.PROVIDER
                .createObjectBuilder()
                .add("@context", contexts())
                .add("id", url)
                .add(
                        "type",
                        JsonP.PROVIDER
                                .createArrayBuilder()
                                .add("VerifiableCredential")
                                .add(BitstringStatusList.CREDENTIAL_TYPE))
                .add("issuer", settings.issuer())
                .add("issuanceDate", instant(now))
                .add(
                        "credentialSubject",
                        JsonP.PROVIDER
                                .createObjectBuilder()
                                .add("id", url + "#list")
                                .add("type", BitstringStatusList.LIST_TYPE)
                                .add("statusPurpose", BitstringStatusList.PURPOSE)
                                .add("encodedList", BitstringStatusList.encode(revokedPositions)))
                .build();
        return signed(keys.activeKey(KeyPurpose.W3C_VC), credential, now);
    }

    private String signed(SigningKey key, JsonObject credential, Instant created) {
        JsonObject proofOptions = proofOptions(Ed25519Signature2020.TYPE, key, created);
        byte[] signature;
        try {
            signature = sign(key, suite.signingInput(credential, proofOptions));
        } catch (JsonLdError e) {
            throw new IllegalStateException("cannot canonicalize the credential: " + e.getCode(), e);
        }
        JsonObject proof = JsonP.PROVIDER
                .createObjectBuilder(proofOptions)
                .add("proofValue", Multibase.encodeBase58Btc(signature))
                .build();
        return JsonP.PROVIDER
                .createObjectBuilder(credential)
                .add("proof", proof)
                .build()
                .toString();
    }

    private String divocSigned(SigningKey key, JsonObject credential, Instant created) {
        JsonObject proofOptions = proofOptions(DivocJwsSuites.RSA, key, created);
        String jws;
        try {
            jws = DivocJwsSuites.rsaJws(key, divocSuites.verifyData(credential, proofOptions));
        } catch (JsonLdError e) {
            throw new IllegalStateException("cannot canonicalize the credential: " + e.getCode(), e);
        }
        JsonObject proof =
                JsonP.PROVIDER.createObjectBuilder(proofOptions).add("jws", jws).build();
        return JsonP.PROVIDER
                .createObjectBuilder(credential)
                .add("proof", proof)
                .build()
                .toString();
    }

    private JsonObject proofOptions(String type, SigningKey key, Instant created) {
        return JsonP.PROVIDER
                .createObjectBuilder()
                .add("type", type)
                .add("created", instant(created))
                .add("verificationMethod", settings.issuer() + "#" + key.kid())
                .add("proofPurpose", Ed25519Signature2020.PROOF_PURPOSE)
                .build();
    }

    private JsonArrayBuilder contexts() {
        return JsonP.PROVIDER
                .createArrayBuilder()
                .add(JsonLdContexts.CREDENTIALS_V1)
                .add(settings.contextUrl())
                .add(JsonLdContexts.ED25519_2020_V1);
    }

    /** The unsigned credential in DIVOC's shape. */
    JsonObject credential(Certificate certificate) {
        Recipient recipient = certificate.recipient();
        Vaccination vaccination = certificate.vaccination();
        JsonObjectBuilder subject = JsonP.PROVIDER.createObjectBuilder().add("type", "Person");
        put(subject, "id", recipientIri(recipient));
        put(subject, "refId", certificate.event().sourceRecordId());
        put(subject, "name", recipient.name() == null ? null : recipient.name().fullName());
        put(subject, "gender", gender(recipient.gender()));
        put(subject, "age", age(recipient.birthDate(), vaccination.date()));
        put(subject, "nationality", recipient.nationality());
        putAddress(subject, recipient.address());
        put(
                subject,
                "dob",
                recipient.birthDate() == null ? null : recipient.birthDate().iso());

        JsonObjectBuilder evidence = JsonP.PROVIDER
                .createObjectBuilder()
                .add("id", settings.certificateBaseUrl() + URLEncoder.encode(certificate.id(), StandardCharsets.UTF_8));
        put(evidence, "infoUrl", settings.infoUrl());
        put(evidence, "feedbackUrl", settings.feedbackUrl());
        evidence.add("certificateId", certificate.id());
        evidence.add("type", JsonP.PROVIDER.createArrayBuilder().add("Vaccination"));
        put(evidence, "batch", vaccination.lot());
        put(evidence, "vaccine", vaccineName(vaccination));
        put(evidence, "manufacturer", label(vaccination.manufacturer()));
        put(
                evidence,
                "icd11Code",
                isIcd11(vaccination.vaccine()) ? vaccination.vaccine().code() : null);
        put(evidence, "prophylaxis", label(vaccination.vaccine()));
        evidence.add(
                "date", instant(vaccination.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
        evidence.add("effectiveStart", vaccination.date().toString());
        Period effective = settings.effectivePeriod();
        if (effective != null) {
            evidence.add("effectiveUntil", vaccination.date().plus(effective).toString());
        }
        evidence.add("dose", vaccination.doseNumber());
        if (vaccination.totalDoses() != null) {
            evidence.add("totalDoses", vaccination.totalDoses());
        }
        if (certificate.event().practitioner() != null
                && certificate.event().practitioner().name() != null) {
            evidence.add(
                    "verifier",
                    JsonP.PROVIDER
                            .createObjectBuilder()
                            .add("name", certificate.event().practitioner().name()));
        }
        if (certificate.event().facility() != null) {
            JsonObjectBuilder facility = JsonP.PROVIDER.createObjectBuilder();
            put(facility, "name", certificate.event().facility().name());
            putAddress(facility, certificate.event().facility().address());
            evidence.add("facility", facility);
        }

        return JsonP.PROVIDER
                .createObjectBuilder()
                .add("@context", contexts())
                .add(
                        "type",
                        JsonP.PROVIDER
                                .createArrayBuilder()
                                .add("VerifiableCredential")
                                .add("ProofOfVaccinationCredential"))
                .add("credentialSubject", subject)
                .add("issuer", settings.issuer())
                .add("issuanceDate", instant(certificate.issuedAt()))
                .add("evidence", JsonP.PROVIDER.createArrayBuilder().add(evidence))
                .add("nonTransferable", "true")
                .build();
    }

    private byte[] sign(SigningKey key, byte[] input) {
        if (key.provider() == null || key.provider() == Bc.PROVIDER) {
            return Ed25519Keys.sign(bcKeys.computeIfAbsent(key.privateKey(), Ed25519Keys::privateParameters), input);
        }
        try { // a key inside an HSM signs through its own provider
            Signature signature = Signature.getInstance("Ed25519", key.provider());
            signature.initSign(key.privateKey());
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the key " + key.kid(), e);
        }
    }

    private static void putAddress(JsonObjectBuilder target, Address address) {
        if (address == null) {
            return;
        }
        JsonObjectBuilder json = JsonP.PROVIDER.createObjectBuilder();
        put(json, "district", address.district());
        put(json, "city", address.city());
        put(json, "addressRegion", address.state());
        put(json, "addressCountry", address.country());
        put(json, "postalCode", address.postalCode());
        JsonObject built = json.build();
        if (!built.isEmpty()) {
            target.add("address", built);
        }
    }

    /** The recipient's identifier as an absolute IRI ({@code did:in.gov.uidai.aadhaar:1111…}), when it forms one. */
    private static String recipientIri(Recipient recipient) {
        for (Identifier identifier : recipient.identifiers()) {
            if (identifier.system() != null && identifier.system().startsWith("did:")) {
                String iri = identifier.system() + ":" + identifier.value();
                if (Iris.isAbsolute(iri)) {
                    return iri;
                }
            }
        }
        return null;
    }

    private static String gender(Gender gender) {
        if (gender == null || gender == Gender.UNKNOWN) {
            return null;
        }
        String code = gender.fhirCode();
        return code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1);
    }

    /** Age in whole years on the vaccination date; with only a birth year or month, the year difference. */
    private static String age(PartialDate birthDate, LocalDate on) {
        if (birthDate == null) {
            return null;
        }
        long years = birthDate.isComplete()
                ? ChronoUnit.YEARS.between(LocalDate.parse(birthDate.iso()), on)
                : on.getYear() - birthDate.year();
        return years < 0 ? null : Long.toString(years);
    }

    private static String vaccineName(Vaccination vaccination) {
        String product = label(vaccination.product());
        return product != null ? product : label(vaccination.vaccine());
    }

    private static boolean isIcd11(Code code) {
        return code.system() != null && code.system().toLowerCase(Locale.ROOT).contains(ICD_11);
    }

    private static String label(Code code) {
        if (code == null) {
            return null;
        }
        return code.display() != null && !code.display().isBlank() ? code.display() : code.code();
    }

    static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void put(JsonObjectBuilder json, String name, String value) {
        if (value != null && !value.isBlank()) {
            json.add(name, value);
        }
    }
}
