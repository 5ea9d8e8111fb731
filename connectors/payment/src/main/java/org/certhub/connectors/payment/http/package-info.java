/**
 * The HTTP side of this module's adapters: JSON requests from a template, API-key or OAuth 2.0 client-credentials
 * authentication, JSONPath reading of answers, and the split of failures into transient and permanent.
 * <p>
 * {@code org.certhub.connectors.id.http} and {@code org.certhub.connectors.payment.http} are kept identical but
 * for their package: the two connector modules may depend only on {@code model}, which stays free of HTTP and
 * JSON libraries. Change both together; they are ready to move, as one package, into a shared connector module.
 */
package org.certhub.connectors.payment.http;
