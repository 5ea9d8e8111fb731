package org.certhub.fhirmapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers doses that arrive without {@code protocolApplied.doseNumber[x]} (bulk exports such as Synthea's
 * rarely carry one): within one input, a person's doses of one programme are counted in date order, so the
 * third COVID-19 dose in an export is dose 3 whether or not the sender numbered it. A lone record without a
 * number is dose 1. The mapping reports each inferred number as a warning.
 */
public final class DoseSequencer {

    private DoseSequencer() {}

    /**
     * One certifiable dose in the input.
     *
     * @param key        the caller's handle of the dose (entry index, line number)
     * @param patient    what identifies the person within the input (the resolved Patient, compared by
     *                   identity, or the reference text)
     * @param explicit   whether the sender numbered the dose (it still counts for the others' positions)
     */
    public record Dose(int key, Object patient, String programmeId, LocalDate date, boolean explicit) {}

    /** The inferred dose number of every dose that has none, by key. */
    public static Map<Integer, Integer> inferDoseNumbers(List<Dose> doses) {
        Map<SeriesKey, List<Dose>> series = new LinkedHashMap<>();
        for (Dose dose : doses) {
            series.computeIfAbsent(new SeriesKey(dose.patient(), dose.programmeId()), k -> new ArrayList<>())
                    .add(dose);
        }
        Map<Integer, Integer> numbers = new HashMap<>();
        for (List<Dose> ofOnePerson : series.values()) {
            ofOnePerson.sort(Comparator.comparing(Dose::date).thenComparingInt(Dose::key));
            for (int position = 0; position < ofOnePerson.size(); position++) {
                Dose dose = ofOnePerson.get(position);
                if (!dose.explicit()) {
                    numbers.put(dose.key(), position + 1);
                }
            }
        }
        return numbers;
    }

    private record SeriesKey(Object patient, String programmeId) {}
}
