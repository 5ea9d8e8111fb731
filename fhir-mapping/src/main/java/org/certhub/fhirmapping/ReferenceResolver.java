package org.certhub.fhirmapping;

import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;

/** Finds the resource a reference points to among what the sender sent with it. */
@FunctionalInterface
public interface ReferenceResolver {

    /** Resolves nothing: only contained resources are found (a single posted Immunization). */
    ReferenceResolver NONE = (reference, fromFullUrl) -> Optional.empty();

    /**
     * @param reference   the {@code Reference.reference} text (never a {@code #contained} one)
     * @param fromFullUrl the {@code fullUrl} of the entry that holds the reference, for relative references;
     *                    may be {@code null}
     */
    Optional<Resource> resolve(String reference, String fromFullUrl);
}
