package org.certhub.fhirmapping.valueset;

import java.util.Objects;
import org.certhub.model.Code;

/**
 * A vaccination programme: which doses certhub certifies and which it takes note of without certifying.
 *
 * @param id      the programme id carried by each {@code VaccinationEvent} (e.g. {@code covid-19})
 * @param display a name for people
 * @param action  what becomes of a dose of one of this programme's vaccines
 * @param disease the disease or agent targeted (EU DCC {@code tg}), when the programme names one
 */
public record Programme(String id, String display, Action action, Code disease) {

    public Programme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
    }

    public boolean certifies() {
        return action == Action.CERTIFY;
    }

    /** What certhub does with a dose of the programme. */
    public enum Action {
        /** Map it to a {@code VaccinationEvent} and certify it. */
        CERTIFY,
        /** Acknowledge it without certifying (an {@code Ignored} entry, not an error). */
        IGNORE
    }
}
