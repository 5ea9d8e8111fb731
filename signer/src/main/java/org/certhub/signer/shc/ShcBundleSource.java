package org.certhub.signer.shc;

import org.certhub.model.Certificate;

/**
 * Where the FHIR Bundle of a SMART Health Card comes from: the signer does not depend on the FHIR mapping or the
 * store, so the application wires this to {@code org.certhub.fhirmapping.export.ShcBundleWriter#bundleJson} over
 * the certificate's dose and the person's other doses of the programme.
 */
@FunctionalInterface
public interface ShcBundleSource {

    /**
     * The minimal FHIR R4 Bundle ({@code type: collection}) for the certificate, as JSON.
     *
     * @param maxDoses at most this many Immunizations, the newest ones; at least 1
     */
    String bundleJson(Certificate certificate, int maxDoses);
}
