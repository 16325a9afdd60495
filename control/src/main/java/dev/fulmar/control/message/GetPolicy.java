package dev.fulmar.control.message;

/** Asks for the machine's policy; answered with {@link PolicyReport}. */
public record GetPolicy() implements Request {}
