/**
 * The HTTP side shared by connectors that call outside systems: one client over Camel's {@code http} component
 * ({@link org.certhub.connectors.http.OutboundHttp}), one set of authentication variants
 * ({@link org.certhub.connectors.http.HttpAuth}: none, basic, bearer, API key, OAuth 2.0 client credentials,
 * body HMAC), JSON requests from a template, JSONPath reading of answers, and the split of failures into
 * transient (retry) and permanent (dead-letter).
 */
package org.certhub.connectors.http;
