package dev.fulmar.control.message;

/** Asks for the profiles the helper knows: system profiles and those this user sent. */
public record ListProfiles() implements Request {}
