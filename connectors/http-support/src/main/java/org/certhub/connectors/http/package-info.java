/**
 * The HTTP side shared by connector adapters that call outside systems: JSON requests from a template, API-key
 * or OAuth 2.0 client-credentials authentication, JSONPath reading of answers, and the split of failures into
 * transient (retry) and permanent (dead-letter).
 */
package org.certhub.connectors.http;
