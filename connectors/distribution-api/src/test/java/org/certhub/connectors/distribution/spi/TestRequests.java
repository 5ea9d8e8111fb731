package org.certhub.connectors.distribution.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.ContactPoint;
import org.certhub.model.Facility;
import org.certhub.model.Identifier;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.certhub.signer.SignedCredential;

/** Delivery requests for the channel tests: one invented person, reachable or not. */
public final class TestRequests {

    public static final String GIVEN_NAME = "Asha";
    public static final String FAMILY_NAME = "Verma";
    public static final String NATIONAL_ID = "111122223344";
    public static final String PHONE = "+91 98765 43210";
    public static final String EMAIL = "asha@example.org";
    public static final String FACILITY_ID = "FAC-1";
    public static final String PROGRAMME_ID = "covid-19";
    public static final String DOWNLOAD_URL = "https://certs.example.org/d/k3Xq9";
    public static final String SIGNED_JSON = "{\"type\":[\"VerifiableCredential\"],\"proof\":{\"jws\":\"x..y\"}}";

    private TestRequests() {}

    /** A request for a recipient with a phone number and an email address. */
    public static DeliveryRequest reachable(String deliveryId, String certificateId) {
        return request(
                deliveryId,
                certificateId,
                List.of(
                        new ContactPoint(ContactPoint.Channel.PHONE, PHONE),
                        new ContactPoint(ContactPoint.Channel.EMAIL, EMAIL)),
                FACILITY_ID,
                PROGRAMME_ID,
                GIVEN_NAME);
    }

    /** A request for a recipient with no contact, at no facility, in no programme, without a name. */
    public static DeliveryRequest unreachable(String deliveryId, String certificateId) {
        return request(deliveryId, certificateId, List.of(), null, null, null);
    }

    public static DeliveryRequest request(
            String deliveryId,
            String certificateId,
            List<ContactPoint> contacts,
            String facilityId,
            String programmeId,
            String givenName) {
        return new DeliveryRequest(
                deliveryId,
                certificate(certificateId, contacts, facilityId, programmeId, givenName),
                Map.of("w3c-vc", credential()),
                "w3c-vc",
                DOWNLOAD_URL,
                Locale.ENGLISH);
    }

    public static Certificate certificate(
            String certificateId,
            List<ContactPoint> contacts,
            String facilityId,
            String programmeId,
            String givenName) {
        PersonName name = givenName == null ? null : new PersonName(List.of(givenName), FAMILY_NAME, null);
        Recipient recipient = new Recipient(
                name,
                null,
                null,
                List.of(new Identifier(Identifier.IdentifierType.NATIONAL_ID, "did:in.gov.uidai.aadhaar", NATIONAL_ID)),
                contacts,
                null,
                "IND");
        Vaccination vaccination = new Vaccination(
                Code.of("http://snomed.info/sct", "1119349007"),
                null,
                null,
                Code.of("http://snomed.info/sct", "840539006"),
                "B-42",
                LocalDate.of(2026, 11, 2),
                1,
                2,
                "IN",
                null);
        Facility facility = facilityId == null ? null : new Facility(facilityId, "District Hospital", null);
        VaccinationEvent event = new VaccinationEvent(
                "his", "imm-" + certificateId, "1", programmeId, recipient, vaccination, facility, null);
        return new Certificate(
                certificateId, 1, null, "evt-" + certificateId, event, Instant.parse("2026-11-02T10:15:30Z"));
    }

    public static SignedCredential credential() {
        return new SignedCredential("w3c-vc", "key-1", SIGNED_JSON, "application/vc+ld+json", SIGNED_JSON);
    }
}
