package org.certhub.signer.shc;

import org.certhub.model.Certificate;

/**
 * Where the FHIR Bundle of a SMART Health Card comes from: the signer does not depend on the FHIR mapping, so
 * the application wires this to {@code org.certhub.fhirmapping.export.ShcBundleWriter#bundleJson}.
 */
@FunctionalInterface
public interface ShcBundleSource {

    /** The minimal FHIR R4 Bundle ({@code type: collection}) for the certificate, as JSON. */
    String bundleJson(Certificate certificate);
}
