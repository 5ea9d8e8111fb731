package org.certhub.model;

/** The administering centre (DDCC:VS "centre"). */
public record Facility(String id, String name, Address address) {}
