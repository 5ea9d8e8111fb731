package org.certhub.routes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.certhub.connectors.id.otp.OtpMessage;
import org.certhub.connectors.id.otp.OtpSender;
import org.certhub.model.ContactPoint;
import org.certhub.routes.config.SecurityProperties;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.security.AuditTrail;
import org.certhub.routes.security.Caller;
import org.certhub.routes.security.CitizenCodes;
import org.certhub.routes.security.KeyHashes;
import org.certhub.routes.security.Role;
import org.certhub.routes.security.TrustedHeaders;
import org.certhub.routes.signing.CitizenTokens;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.CitizenContacts;
import org.certhub.routes.store.EventStore;
import org.certhub.signer.shc.ShcFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Citizens reach their own certificates: {@code POST /api/v1/citizen/otp} sends a one-time code to a contact that
 * certificates were issued for (and answers {@code 202} whether or not, so nothing is learnt of who is vaccinated),
 * {@code POST /api/v1/citizen/session} trades the code for a session token, {@code GET /api/v1/citizen/certificates}
 * lists that contact's certificates (the latest version of each dose).
 */
@Service
public class CitizenApi {

    private static final Logger LOG = LoggerFactory.getLogger(CitizenApi.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CitizenContacts contacts;
    private final CitizenCodes codes;
    private final CitizenTokens tokens;
    private final OtpSender sender;
    private final EventStore events;
    private final CertificateStore certificates;
    private final AuditTrail audit;
    private final SecurityProperties.Citizen limits;
    private final HttpProblems problems;
    private final ObjectMapper mapper;
    private final Clock clock;

    public CitizenApi(
            CitizenContacts contacts,
            CitizenCodes codes,
            CitizenTokens tokens,
            @Qualifier("citizenCodeSender") OtpSender sender,
            EventStore events,
            CertificateStore certificates,
            AuditTrail audit,
            SecurityProperties security,
            HttpProblems problems,
            ObjectMapper mapper,
            Clock clock) {
        this.contacts = contacts;
        this.codes = codes;
        this.tokens = tokens;
        this.sender = sender;
        this.events = events;
        this.certificates = certificates;
        this.audit = audit;
        this.limits = security.citizen();
        this.problems = problems;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** {@code {"contact"}} → {@code 202}; a code goes out only when certificates exist for the contact. */
    public HttpAnswer requestCode(@Body String body, @Header(TrustedHeaders.CLIENT_HEADER) String client) {
        Optional<String> contact = field(body, "contact");
        if (contact.isEmpty()) {
            return problems.answer(400, "required", "the body must be {\"contact\": \"<email or phone number>\"}");
        }
        Instant now = clock.instant();
        String clientDigest = KeyHashes.hash("client|" + client);
        if (codes.requestsByClientSince(clientDigest, now.minus(limits.window())) >= limits.maxRequestsPerClient()) {
            return tooMany();
        }
        String digest = contacts.digest(contact.get());
        boolean underLimit =
                codes.requestsByContactSince(digest, now.minus(limits.window())) < limits.maxCodesPerContact();
        String code = underLimit && !contacts.events(digest).isEmpty()
                ? String.format("%06d", RANDOM.nextInt(1_000_000))
                : null;
        Instant expires = now.plus(limits.codeValidity());
        codes.add(digest, clientDigest, code, now, expires);
        if (code != null) {
            send(contact.get(), code, digest, expires);
        }
        return HttpAnswer.json(
                202,
                mapper.createObjectNode()
                        .put("status", "accepted")
                        .put("message", "if certificates were issued for this contact, a code is on its way")
                        .toString());
    }

    /** {@code {"contact","code"}} → {@code {"token","expiresAt"}}, or {@code 401}; a code is good once. */
    public HttpAnswer openSession(@Body String body, @Header(TrustedHeaders.CLIENT_HEADER) String client) {
        Optional<String> contact = field(body, "contact");
        Optional<String> code = field(body, "code");
        if (contact.isEmpty() || code.isEmpty()) {
            return problems.answer(400, "required", "the body must be {\"contact\": \"...\", \"code\": \"...\"}");
        }
        Instant now = clock.instant();
        if (audit.countSince("citizen-session", "refused", client, now.minus(limits.window()))
                >= limits.maxRequestsPerClient()) {
            return tooMany();
        }
        String digest = contacts.digest(contact.get());
        Optional<CitizenCodes.Open> open =
                codes.newestOpen(digest, now).filter(o -> o.attempts() < limits.maxAttempts());
        if (open.isEmpty()
                || !open.get()
                        .codeHash()
                        .equals(CitizenCodes.hash(open.get().id(), code.get().strip()))) {
            open.ifPresent(o -> codes.countWrongAttempt(o.id()));
            audit.record(Optional.empty(), "citizen-session", null, "refused", client);
            return problems.answer(401, "security", "the code is wrong, used or expired; ask for a new one");
        }
        if (!codes.use(open.get().id())) {
            return problems.answer(401, "security", "the code is wrong, used or expired; ask for a new one");
        }
        Instant expires = now.plus(limits.sessionValidity());
        audit.record(Optional.of(new Caller(Role.CITIZEN, digest, null)), "citizen-session", null, "success", client);
        return HttpAnswer.json(
                200,
                mapper.createObjectNode()
                        .put("token", tokens.session(digest, expires))
                        .put("expiresAt", expires.toString())
                        .toString());
    }

    /** The session's certificates: per dose its latest version, with where to download it. */
    public HttpAnswer certificates(@Header(Caller.HEADER) String header) {
        Optional<Caller> caller = Caller.decode(header).filter(c -> c.is(Role.CITIZEN) && c.certificate() == null);
        if (caller.isEmpty()) {
            return problems.answer(
                    403, "forbidden", "this needs a citizen session token (POST /api/v1/citizen/session)");
        }
        ArrayNode list = mapper.createArrayNode();
        for (String eventId : contacts.events(caller.get().id())) {
            certificates.latestForEvent(eventId).ifPresent(issued -> {
                String base = "/api/v1/certificates/" + issued.id();
                var item = list.addObject()
                        .put("id", issued.id())
                        .put("version", issued.certificate().version())
                        .put("status", issued.status().name().toLowerCase(Locale.ROOT))
                        .put("issuedAt", issued.certificate().issuedAt().toString())
                        .put("previousCertificateId", issued.certificate().previousCertificateId());
                events.find(eventId)
                        .ifPresent(event -> item.put(
                                        "programmeId", event.event().programmeId())
                                .put("dose", event.event().vaccination().doseNumber())
                                .put(
                                        "date",
                                        String.valueOf(
                                                event.event().vaccination().date())));
                item.putArray("formats")
                        .addAll(issued.credentials().keySet().stream()
                                .sorted()
                                .map(item::textNode)
                                .toList());
                var links = item.putObject("links")
                        .put("pdf", base + "/certificate.pdf")
                        .put("qr", base + "/qr.png")
                        .put("record", base)
                        .put("share", base + "/certificate.pdf?token=" + tokens.link(issued.id()));
                issued.credential(ShcFormat.ID)
                        .ifPresent(shc -> links.put("smartHealthCard", base + "/shc.smart-health-card"));
            });
        }
        return HttpAnswer.json(
                200, mapper.createObjectNode().set("certificates", list).toString());
    }

    private void send(String contact, String code, String digest, Instant expires) {
        ContactPoint.Channel channel = contact.contains("@") ? ContactPoint.Channel.EMAIL : ContactPoint.Channel.PHONE;
        try {
            sender.send(new OtpMessage("citizen-" + digest.substring(0, 16), channel, contact.strip(), code, expires));
        } catch (RuntimeException notSent) {
            // the answer stays 202: whether a code could be sent says something about the contact
            LOG.warn(
                    "a citizen's one-time code could not be sent over {}: {}",
                    channel,
                    notSent.getClass().getSimpleName());
        }
    }

    private HttpAnswer tooMany() {
        return problems.answer(429, "throttled", "too many requests from this address; try again later")
                .withHeader("Retry-After", Long.toString(limits.window().toSeconds()));
    }

    private Optional<String> field(String body, String name) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : mapper.readTree(body);
            JsonNode value = json == null ? null : json.path(name);
            return value != null
                            && value.isTextual()
                            && !value.asText().isBlank()
                            && value.asText().length() <= 320
                    ? Optional.of(value.asText())
                    : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
