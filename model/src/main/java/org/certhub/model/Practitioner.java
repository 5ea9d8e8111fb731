package org.certhub.model;

/** The health worker who administered the dose (DDCC:VS "hw"). */
public record Practitioner(String id, String name) {}
