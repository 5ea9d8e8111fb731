package org.certhub.routes.distribute;

/** What a {@code camel} channel sends: {@code certhub.channels.<name>.payload}. */
public enum ChannelPayload {
    /** The certificate event as JSON: ids, status, dates, formats and the download link, nothing about the person. */
    EVENT,
    /** The certificate PDF. */
    PDF,
    /** The primary credential as issued (signed JSON-LD, {@code HC1:} text or compact JWS). */
    CREDENTIAL,
    /** The {@code .smart-health-card} file of the SMART Health Card credential. */
    SHC_FILE,
    /** A Handlebars template of the operator's ({@code certhub.channels.<name>.template}). */
    TEMPLATE
}
