package org.certhub.routes.security;

import java.util.Optional;
import org.certhub.routes.store.CitizenContacts;
import org.certhub.routes.store.StoredEvent;
import org.springframework.stereotype.Component;

/**
 * The {@code :own} half of the access table: a sender reaches only the events it sent and their certificates,
 * a citizen only the certificate its link opens or the certificates of the contact its session proved; admins
 * reach everything.
 */
@Component
public class RecordAccess {

    private final CitizenContacts contacts;

    public RecordAccess(CitizenContacts contacts) {
        this.contacts = contacts;
    }

    public boolean mayReadEvent(Optional<Caller> caller, StoredEvent event) {
        return caller.map(c -> c.is(Role.ADMIN) || ownSender(c, event)).orElse(false);
    }

    public boolean mayReadCertificate(Optional<Caller> caller, String certificateId, StoredEvent event) {
        return caller.map(c -> c.is(Role.ADMIN) || ownSender(c, event) || citizenHolds(c, certificateId, event))
                .orElse(false);
    }

    private static boolean ownSender(Caller caller, StoredEvent event) {
        return caller.senderId()
                .filter(id -> id.equals(event.event().sourceSystem()))
                .isPresent();
    }

    private boolean citizenHolds(Caller caller, String certificateId, StoredEvent event) {
        if (!caller.is(Role.CITIZEN)) {
            return false;
        }
        return caller.certificate() != null
                ? caller.certificate().equals(certificateId)
                : contacts.reaches(caller.id(), event.id());
    }
}
